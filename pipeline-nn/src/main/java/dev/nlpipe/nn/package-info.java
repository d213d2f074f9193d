/**
 * The neural foundation every nlpipe model shares, on DJL with the PyTorch engine (offline): the
 * engine and devices ({@link dev.nlpipe.nn.NeuralEngine}, {@link dev.nlpipe.nn.DeviceSpec},
 * {@link dev.nlpipe.nn.Inference}), named weights ({@link dev.nlpipe.nn.Params}), operations and
 * blocks ({@link dev.nlpipe.nn.Ops}, {@link dev.nlpipe.nn.BiLstm}), optimizers
 * ({@code dev.nlpipe.nn.optim}), the training loop with checkpoints and curves
 * ({@link dev.nlpipe.nn.TrainingLoop}), and per-thread copies of a network for inference
 * ({@link dev.nlpipe.nn.CopyPool}). Only this module and those that depend on it bring native code.
 */
package dev.nlpipe.nn;
