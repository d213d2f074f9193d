/**
 * The neural foundation every nlpipe model shares, on DJL with the PyTorch engine (offline):
 * the engine and devices ({@link dev.nlpipe.nn.NeuralEngine}, {@link dev.nlpipe.nn.DeviceSpec},
 * {@link dev.nlpipe.nn.Inference}), named weights ({@link dev.nlpipe.nn.Params}), functions on
 * arrays ({@link dev.nlpipe.nn.Ops}), the blocks networks are made of — {@link dev.nlpipe.nn.BiLstm},
 * and for transformers {@link dev.nlpipe.nn.LayerNorm}, {@link dev.nlpipe.nn.Gelu},
 * {@link dev.nlpipe.nn.SelfAttention} with {@link dev.nlpipe.nn.AttentionMask} and the
 * relative-position hook {@link dev.nlpipe.nn.ScoreTerm}, {@link dev.nlpipe.nn.LearnedPositions},
 * {@link dev.nlpipe.nn.SinusoidalPositions} and {@link dev.nlpipe.nn.EncoderLayer} — training:
 * {@link dev.nlpipe.nn.TrainingLoop}, {@link dev.nlpipe.nn.TrainSettings},
 * {@link dev.nlpipe.nn.LrSchedule}, the optimizers in {@code dev.nlpipe.nn.optim}, checkpoints —
 * and per-thread copies of a network for inference ({@link dev.nlpipe.nn.CopyPool}). Only this
 * module and those that depend on it bring native code.
 *
 * <p>Blocks create their weights in a {@code Params} under a name prefix with a seeded generator, or
 * bind to weights already there; weights of blocks that mirror Hugging Face modules carry HF's
 * names. Operations put their results in the manager of their first data argument, so a batch's
 * scope frees them. The guide is {@code docs/neural-blocks.md}.
 */
package dev.nlpipe.nn;
