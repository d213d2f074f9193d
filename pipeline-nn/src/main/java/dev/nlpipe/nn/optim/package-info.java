/**
 * Optimizers for nlpipe's neural models: {@code Adam}, {@code AdamW} (as {@code torch.optim.AdamW},
 * with parameter groups) and {@code Sgd} with momentum, all keeping their per-weight state
 * ({@code OptimizerState}) so that a checkpoint saves and restores it and a resumed run continues
 * exactly.
 */
package dev.nlpipe.nn.optim;
