package dev.tvrecsys.model;

import java.util.List;
import java.util.Map;

/**
 * Everything saved next to a model's parameters, as {@code model.json}.
 *
 * @param formatVersion version of this layout; loading rejects unknown versions
 * @param libraryVersion version of the library that wrote the model
 * @param createdAt ISO-8601 instant of the save
 * @param config hyperparameters
 * @param showIds known show ids in vocabulary order (index 2 onwards)
 * @param assetTypes known asset type names in vocabulary order (index 2 onwards)
 * @param windowStride distance between training targets of one viewer
 * @param dataSource where the training data came from
 * @param seed seed of the split, the initial weights and the batch order
 * @param parametersSha256 SHA-256 of the parameter file, checked on load
 * @param metrics final metrics and training history, free-form
 */
public record ModelMetadata(
        int formatVersion,
        String libraryVersion,
        String createdAt,
        ModelConfig config,
        int[] showIds,
        List<String> assetTypes,
        int windowStride,
        String dataSource,
        long seed,
        String parametersSha256,
        Map<String, Object> metrics) {

    /**
     * The layout version this library writes. Version 2 stores the parameters in DJL's {@code
     * Model.save} format; version 1, header-less block parameters, is still read.
     */
    public static final int FORMAT_VERSION = 2;

    /** Returns a copy with the given parameter checksum. */
    public ModelMetadata withParametersSha256(String value) {
        return new ModelMetadata(
                formatVersion,
                libraryVersion,
                createdAt,
                config,
                showIds,
                assetTypes,
                windowStride,
                dataSource,
                seed,
                value,
                metrics);
    }
}
