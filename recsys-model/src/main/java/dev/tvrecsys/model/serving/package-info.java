/**
 * Serving API: top-k show recommendations for other JVM applications.
 *
 * <p>{@link dev.tvrecsys.model.serving.ShowRecommender} loads a saved model directory (or a
 * baseline directory written by {@link dev.tvrecsys.model.serving.BaselineStore}) and serves {@code
 * recommend} calls from any number of threads. {@link
 * dev.tvrecsys.model.serving.NextShowTranslator} exposes the same model through DJL's {@code
 * Criteria} and {@code Predictor}. {@link dev.tvrecsys.model.serving.BatchScorer} writes the top k
 * of every viewer of a log to CSV and Parquet. This package depends on recsys-data, recsys-eval,
 * DJL's API, Jackson and parquet-avro; the engine comes from the application's classpath.
 */
package dev.tvrecsys.model.serving;
