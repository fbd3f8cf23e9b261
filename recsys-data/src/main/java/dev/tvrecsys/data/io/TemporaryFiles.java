package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Creates the temporary files that atomic writes fill and then rename onto their targets. */
public final class TemporaryFiles {

    private TemporaryFiles() {}

    /**
     * Creates an empty hidden file beside {@code target}, named after it with a random suffix. The
     * file gets the default permissions, so the renamed target does too; {@link
     * Files#createTempFile} would make it readable by its owner only.
     *
     * @param target the file the caller replaces by renaming the temporary one onto it
     * @return the new file
     * @throws IOException if the file cannot be created, for example because the folder is missing
     */
    public static Path createBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        long suffix = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return Files.createFile(
                absolute.resolveSibling("." + absolute.getFileName() + "." + suffix + ".tmp"));
    }
}
