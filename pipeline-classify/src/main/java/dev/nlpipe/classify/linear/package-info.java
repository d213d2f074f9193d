/**
 * Linear text classifiers, task and model kind {@code classify.linear}: logistic regression by L-BFGS
 * ({@code Lbfgs}, {@code LogisticObjective}; binary, multinomial or one-vs-rest) and linear SVMs by dual
 * coordinate descent ({@code DualCoordinateSvm}), with scikit-learn's objectives; features from a
 * vectorizer fitted on the training data ({@code Features}); grid search, cross-validation and
 * threshold search ({@code ModelSelection}, {@code Splits}, {@code ThresholdSearch}); and the model
 * directory, loaded as a {@code TextClassifier} ({@code LinearClassifier}, {@code LinearClassifierKind}).
 */
package dev.nlpipe.classify.linear;
