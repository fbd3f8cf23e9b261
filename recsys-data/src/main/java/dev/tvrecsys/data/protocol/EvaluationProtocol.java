package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.ViewerHistories;

/** A rule that divides viewer histories into training, validation and test samples. */
public interface EvaluationProtocol {

    /**
     * Returns the short protocol name used in result tables.
     *
     * @return the name
     */
    String name();

    /**
     * Builds the samples of every part.
     *
     * @param histories the ordered viewer histories
     * @param shows show vocabulary; unseen shows become {@link IdVocabulary#UNKNOWN}
     * @param assets asset type vocabulary
     * @return the split, with a description of the settings used
     */
    ProtocolSplit split(ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets);
}
