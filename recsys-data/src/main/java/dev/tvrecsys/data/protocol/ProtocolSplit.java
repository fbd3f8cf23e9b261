package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.SampleSet;
import java.util.Objects;

/**
 * Training, validation and test samples produced by one evaluation protocol.
 *
 * @param name short protocol name for tables, for example {@code "leave-one-out"}
 * @param description how the samples were chosen, with the protocol's settings
 * @param train training samples
 * @param validation validation samples, possibly empty
 * @param test test samples
 */
public record ProtocolSplit(
        String name, String description, SampleSet train, SampleSet validation, SampleSet test) {

    /**
     * Creates a split after checking that no part is missing.
     *
     * @throws NullPointerException if an argument is null
     */
    public ProtocolSplit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }
}
