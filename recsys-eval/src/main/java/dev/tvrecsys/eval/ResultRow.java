package dev.tvrecsys.eval;

import java.util.Objects;

/**
 * One line of a results table: a model evaluated on a data set under a protocol.
 *
 * @param dataset data set name, for example {@code movielens-1m}
 * @param protocol protocol name, for example {@code leave-one-out}
 * @param model model or baseline name, as {@link Recommender#name()} returns it
 * @param report the metrics
 */
public record ResultRow(String dataset, String protocol, String model, MetricsReport report) {

    /**
     * Creates a row after checking that no field is missing.
     *
     * @throws NullPointerException if an argument is null
     */
    public ResultRow {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
    }
}
