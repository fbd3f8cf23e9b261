package dev.tvrecsys.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A mapping from asset type names to model indices.
 *
 * <p>Index 0 is padding and index 1 stands for asset types not seen when the vocabulary was built.
 * {@link EventLog#CHANNEL}, {@link EventLog#RECORDING} and {@link EventLog#VOD} always take indices
 * 2, 3 and 4, so models trained on different exports agree on them; other types found in the data
 * (for example LOOKBACK) follow in alphabetical order.
 */
public final class AssetTypeVocabulary {

    private static final List<String> STANDARD =
            List.of(EventLog.CHANNEL, EventLog.RECORDING, EventLog.VOD);

    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private AssetTypeVocabulary(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            indexByName.put(names.get(i), i + IdVocabulary.RESERVED);
        }
    }

    /**
     * Builds a vocabulary of the three standard asset types plus every other name given.
     *
     * @param observed asset type names found in the training data
     * @return the vocabulary
     */
    public static AssetTypeVocabulary fit(Collection<String> observed) {
        List<String> names = new ArrayList<>(STANDARD);
        TreeSet<String> others = new TreeSet<>();
        for (String name : observed) {
            String normalized = normalize(name);
            if (!STANDARD.contains(normalized)) {
                others.add(normalized);
            }
        }
        names.addAll(others);
        return new AssetTypeVocabulary(names);
    }

    /**
     * Restores a vocabulary from the names in index order, as returned by {@link #names()}.
     *
     * @param names the names, starting with CHANNEL, RECORDING and VOD
     * @return the vocabulary
     * @throws IllegalArgumentException if the standard names are not first or a name repeats
     */
    public static AssetTypeVocabulary ofNames(List<String> names) {
        if (names.size() < STANDARD.size() || !names.subList(0, 3).equals(STANDARD)) {
            throw new IllegalArgumentException(
                    "asset type names must start with " + STANDARD + ", found " + names);
        }
        if (new TreeSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("asset type names repeat: " + names);
        }
        return new AssetTypeVocabulary(names);
    }

    /** Returns the index of {@code name} (case-insensitive), or 1 if it is unknown. */
    public int index(String name) {
        Integer index = indexByName.get(normalize(name));
        return index == null ? IdVocabulary.UNKNOWN : index;
    }

    /** Returns the number of indices, padding and unknown included. */
    public int size() {
        return names.size() + IdVocabulary.RESERVED;
    }

    /** Returns the known names in index order, starting at index 2. */
    public List<String> names() {
        return names;
    }

    private static String normalize(String name) {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssetTypeVocabulary
                && names.equals(((AssetTypeVocabulary) other).names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "AssetTypeVocabulary" + names;
    }
}
