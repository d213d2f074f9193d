/**
 * Model directories: reading and writing them ({@link dev.nlpipe.core.model.ModelDir},
 * {@link dev.nlpipe.core.model.ModelDirWriter}), provenance, training jobs and trainers
 * ({@link dev.nlpipe.core.model.TrainingJob}, {@link dev.nlpipe.core.model.TrainerProvider}), and
 * the model-kind registry ({@link dev.nlpipe.core.model.ModelKinds}) that loads a directory, by the
 * {@code kind} in its {@code model.json}, as a {@link dev.nlpipe.core.model.Tagger} or a
 * {@link dev.nlpipe.core.model.TextClassifier} without naming its architecture.
 */
package dev.nlpipe.core.model;
