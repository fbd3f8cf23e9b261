package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.CoOccurrenceRecommender;
import dev.tvrecsys.eval.MarkovRecommender;
import dev.tvrecsys.eval.MostPopularRecommender;
import dev.tvrecsys.eval.RecentHistoryRecommender;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.eval.SessionKnnRecommender;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kind and parameters of a baseline from recsys-eval, enough to fit it again from the same training
 * samples. {@link BaselineStore#save(java.nio.file.Path, BaselineSpec, SampleSet,
 * dev.tvrecsys.data.IdVocabulary, dev.tvrecsys.data.AssetTypeVocabulary, int)} stores a spec in
 * {@value BaselineStore#FILE}.
 *
 * <p>Kinds and their parameters:
 *
 * <ul>
 *   <li>{@value #MOST_POPULAR}: {@code includeWindowEvents} (boolean)
 *   <li>{@value #MOST_POPULAR_RECENT}: {@code recentFraction} (number in (0, 1])
 *   <li>{@value #MARKOV}: {@code includeWindowTransitions} (boolean)
 *   <li>{@value #RECENT_HISTORY}: {@code decay} (number in (0, 1])
 *   <li>{@value #CO_OCCURRENCE}: {@code decay} (number in (0, 1])
 *   <li>{@value #SKNN}: {@code neighbours}, {@code sampleSize} (positive integers) and {@code
 *       recencyWeighted} (boolean, true for V-SKNN)
 * </ul>
 *
 * Build a spec with the factory methods. The canonical constructor exists for JSON and checks that
 * the parameter names and value types match the kind.
 *
 * @param kind one of the kinds above
 * @param parameters parameter values by name: {@link Boolean}, {@link Integer} or another {@link
 *     Number}
 */
public record BaselineSpec(String kind, Map<String, Object> parameters) {

    /** Kind of {@link MostPopularRecommender#fit(SampleSet, int, boolean)}. */
    public static final String MOST_POPULAR = "most-popular";

    /** Kind of {@link MostPopularRecommender#fitRecent}. */
    public static final String MOST_POPULAR_RECENT = "most-popular-recent";

    /** Kind of {@link MarkovRecommender#fit(SampleSet, int, boolean)}. */
    public static final String MARKOV = "markov";

    /** Kind of {@link RecentHistoryRecommender#fit(SampleSet, int, float)}. */
    public static final String RECENT_HISTORY = "recent-history";

    /** Kind of {@link CoOccurrenceRecommender#fit(SampleSet, int, float)}. */
    public static final String CO_OCCURRENCE = "co-occurrence";

    /** Kind of {@link SessionKnnRecommender#fit(SampleSet, int, int, int, boolean)}. */
    public static final String SKNN = "sknn";

    private static final String INCLUDE_WINDOW_EVENTS = "includeWindowEvents";
    private static final String RECENT_FRACTION = "recentFraction";
    private static final String INCLUDE_WINDOW_TRANSITIONS = "includeWindowTransitions";
    private static final String DECAY = "decay";
    private static final String NEIGHBOURS = "neighbours";
    private static final String SAMPLE_SIZE = "sampleSize";
    private static final String RECENCY_WEIGHTED = "recencyWeighted";

    /** Parameter names of each kind, in the order the factory methods take them. */
    private static final Map<String, List<String>> PARAMETER_NAMES =
            Map.of(
                    MOST_POPULAR, List.of(INCLUDE_WINDOW_EVENTS),
                    MOST_POPULAR_RECENT, List.of(RECENT_FRACTION),
                    MARKOV, List.of(INCLUDE_WINDOW_TRANSITIONS),
                    RECENT_HISTORY, List.of(DECAY),
                    CO_OCCURRENCE, List.of(DECAY),
                    SKNN, List.of(NEIGHBOURS, SAMPLE_SIZE, RECENCY_WEIGHTED));

    /**
     * Checks the kind and that the parameter names and value types match it.
     *
     * @throws IllegalArgumentException if the kind is unknown, a parameter is missing or
     *     unexpected, or a value has the wrong type or range
     */
    public BaselineSpec {
        if (kind == null || !PARAMETER_NAMES.containsKey(kind)) {
            throw new IllegalArgumentException(
                    "baseline kind must be one of "
                            + new TreeMap<>(PARAMETER_NAMES).keySet()
                            + ", found "
                            + kind);
        }
        if (parameters == null) {
            throw new IllegalArgumentException("parameters of " + kind + " must not be null");
        }
        List<String> expected = PARAMETER_NAMES.get(kind);
        if (!parameters.keySet().equals(new HashSet<>(expected))) {
            throw new IllegalArgumentException(
                    kind
                            + " takes the parameters "
                            + expected
                            + ", found "
                            + new TreeMap<>(parameters).keySet());
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        checkValues(kind, parameters);
    }

    private static void checkValues(String kind, Map<String, Object> parameters) {
        switch (kind) {
            case MOST_POPULAR -> booleanValue(parameters, INCLUDE_WINDOW_EVENTS);
            case MARKOV -> booleanValue(parameters, INCLUDE_WINDOW_TRANSITIONS);
            case MOST_POPULAR_RECENT -> unitInterval(parameters, RECENT_FRACTION);
            case RECENT_HISTORY, CO_OCCURRENCE -> unitInterval(parameters, DECAY);
            case SKNN -> {
                positiveInt(parameters, NEIGHBOURS);
                positiveInt(parameters, SAMPLE_SIZE);
                booleanValue(parameters, RECENCY_WEIGHTED);
            }
            default -> throw new IllegalStateException("unhandled baseline kind " + kind);
        }
    }

    /**
     * Returns the spec of the most-popular baseline.
     *
     * @param includeWindowEvents whether input window events count besides targets
     * @return the spec
     */
    public static BaselineSpec mostPopular(boolean includeWindowEvents) {
        return of(MOST_POPULAR, INCLUDE_WINDOW_EVENTS, includeWindowEvents);
    }

    /**
     * Returns the spec of the most-popular baseline fitted on the newest training samples only.
     *
     * @param recentFraction share of the newest samples to count, in (0, 1]
     * @return the spec
     * @throws IllegalArgumentException if {@code recentFraction} is out of range
     */
    public static BaselineSpec mostPopularRecent(double recentFraction) {
        return of(MOST_POPULAR_RECENT, RECENT_FRACTION, recentFraction);
    }

    /**
     * Returns the spec of the first-order Markov baseline.
     *
     * @param includeWindowTransitions whether consecutive window steps count as transitions too
     * @return the spec
     */
    public static BaselineSpec markov(boolean includeWindowTransitions) {
        return of(MARKOV, INCLUDE_WINDOW_TRANSITIONS, includeWindowTransitions);
    }

    /**
     * Returns the spec of the recent-history baseline.
     *
     * @param decay weight factor per step of age, in (0, 1]
     * @return the spec
     * @throws IllegalArgumentException if {@code decay} is out of range
     */
    public static BaselineSpec recentHistory(float decay) {
        return of(RECENT_HISTORY, DECAY, decay);
    }

    /**
     * Returns the spec of the item-to-item co-occurrence baseline.
     *
     * @param decay weight factor per step of age of a window show, in (0, 1]
     * @return the spec
     * @throws IllegalArgumentException if {@code decay} is out of range
     */
    public static BaselineSpec coOccurrence(float decay) {
        return of(CO_OCCURRENCE, DECAY, decay);
    }

    /**
     * Returns the spec of the session-based k-nearest-neighbours baseline.
     *
     * @param neighbours number of most similar sessions that vote, positive
     * @param sampleSize number of newest sessions drawn per query show, positive
     * @param recencyWeighted true for V-SKNN, which weights query shows by their position
     * @return the spec
     * @throws IllegalArgumentException if a count is not positive
     */
    public static BaselineSpec sessionKnn(int neighbours, int sampleSize, boolean recencyWeighted) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(NEIGHBOURS, neighbours);
        parameters.put(SAMPLE_SIZE, sampleSize);
        parameters.put(RECENCY_WEIGHTED, recencyWeighted);
        return new BaselineSpec(SKNN, parameters);
    }

    private static BaselineSpec of(String kind, String name, Object value) {
        return new BaselineSpec(kind, Map.of(name, value));
    }

    /**
     * Fits the baseline this spec describes.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public Recommender fit(SampleSet train, int showCount) {
        return switch (kind) {
            case MOST_POPULAR ->
                    MostPopularRecommender.fit(
                            train, showCount, booleanValue(parameters, INCLUDE_WINDOW_EVENTS));
            case MOST_POPULAR_RECENT ->
                    MostPopularRecommender.fitRecent(
                            train, showCount, unitInterval(parameters, RECENT_FRACTION));
            case MARKOV ->
                    MarkovRecommender.fit(
                            train, showCount, booleanValue(parameters, INCLUDE_WINDOW_TRANSITIONS));
            case RECENT_HISTORY ->
                    RecentHistoryRecommender.fit(
                            train, showCount, (float) unitInterval(parameters, DECAY));
            case CO_OCCURRENCE ->
                    CoOccurrenceRecommender.fit(
                            train, showCount, (float) unitInterval(parameters, DECAY));
            case SKNN ->
                    SessionKnnRecommender.fit(
                            train,
                            showCount,
                            positiveInt(parameters, NEIGHBOURS),
                            positiveInt(parameters, SAMPLE_SIZE),
                            booleanValue(parameters, RECENCY_WEIGHTED));
            default -> throw new IllegalStateException("unhandled baseline kind " + kind);
        };
    }

    private static boolean booleanValue(Map<String, Object> parameters, String name) {
        if (parameters.get(name) instanceof Boolean value) {
            return value;
        }
        throw wrongType(name, "a boolean", parameters.get(name));
    }

    private static double unitInterval(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof Number number)) {
            throw wrongType(name, "a number", parameters.get(name));
        }
        double value = number.doubleValue();
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], found " + value);
        }
        return value;
    }

    private static int positiveInt(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof Integer value)) {
            throw wrongType(name, "an integer", parameters.get(name));
        }
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
        return value;
    }

    private static IllegalArgumentException wrongType(String name, String type, Object value) {
        return new IllegalArgumentException(name + " must be " + type + ", found " + value);
    }
}
