package dev.nlpipe.core.nn.optim;

import dev.nlpipe.core.nn.Params;
import dev.nlpipe.core.nn.TensorFile;
import java.util.Map;

/** The part every optimizer shares: its per-weight state, saved and restored with checkpoints. */
abstract class StatefulOptimizer implements Optimizer {
    protected final OptimizerState state;

    StatefulOptimizer(Params params) {
        this.state = new OptimizerState(params);
    }

    @Override
    public Map<String, TensorFile.Tensor> state() {
        return state.save();
    }

    @Override
    public void load(Map<String, TensorFile.Tensor> saved) {
        state.load(saved);
    }
}
