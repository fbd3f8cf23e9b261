package dev.tvrecsys.model.serving;

/**
 * One recommended show.
 *
 * @param showId external show id
 * @param score ranking score, higher first: a logit for the LSTM model, a count or a count plus
 *     back-off for the baselines and for the popularity fallback
 */
public record Recommendation(int showId, float score) {}
