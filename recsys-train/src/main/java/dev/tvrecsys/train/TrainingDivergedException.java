package dev.tvrecsys.train;

/** Thrown when the training loss becomes NaN or infinite; the model is left as it was then. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
