/**
 * Offline evaluation of next-show recommenders: the {@link dev.tvrecsys.eval.Recommender}
 * interface, top-k selection, ranking metrics (recall, micro and macro precision and F1, NDCG, MRR,
 * catalogue coverage), the batch {@link dev.tvrecsys.eval.Evaluator} and count-based baselines.
 *
 * <p>This package depends only on {@code recsys-data}, SLF4J and Jackson. It must not depend on
 * DJL, so that metrics and baselines can be checked without a deep learning engine.
 */
package dev.tvrecsys.eval;
