package dev.tvrecsys.model;

import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.Recommender;

/**
 * Adapts a {@link NextShowModel} to the {@link Recommender} interface; scores are logits. Not
 * thread-safe, like the model it wraps.
 */
public final class LstmRecommender implements Recommender {

    private final NextShowModel model;
    private final String name;

    public LstmRecommender(NextShowModel model) {
        this(model, "lstm");
    }

    public LstmRecommender(NextShowModel model, String name) {
        this.model = model;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int showCount() {
        return model.shows().size();
    }

    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        model.logits(samples, from, to, out);
    }
}
