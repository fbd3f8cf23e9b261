package dev.tvrecsys.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Saves and loads model directories.
 *
 * <p>A model directory contains {@value #PARAMETERS_FILE}, written by DJL's {@link Model#save} (a
 * header with the model name, data type and input shapes, then the block's parameters), and {@value
 * #METADATA_FILE}, a {@link ModelMetadata} in JSON. Because the parameter file has the name and
 * layout that DJL's {@code Model.load} looks for, a DJL application can also load the directory
 * through {@code Criteria} with a {@link NextShowBlock}; see the {@code serving} package.
 * Directories of format version 1 hold {@value #LEGACY_PARAMETERS_FILE} with the block's parameters
 * only, and load as before. A save writes both into a temporary sibling directory, forces them to
 * disk, and renames that directory into place, so readers see either the old model or the new one
 * and never a partial one. A load checks the format version, the parameter checksum, and that the
 * vocabulary sizes match the parameter shapes.
 */
public final class ModelStore {

    /**
     * File name of the parameters inside a model directory: DJL's {@code <name>-<epoch>.params}
     * with epoch 0, which {@code Model.load(dir, NextShowModel.NAME)} finds.
     */
    public static final String PARAMETERS_FILE = NextShowModel.NAME + "-0000.params";

    /** File name of the header-less parameters in format version 1 directories. */
    public static final String LEGACY_PARAMETERS_FILE = "model.params";

    private static final String DJL_MAGIC = "DJL@";

    /** File name of the metadata inside a model directory. */
    public static final String METADATA_FILE = "model.json";

    /** Version of this library, written into every model. */
    public static final String LIBRARY_VERSION = libraryVersion();

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelStore() {}

    /** Returns the shared JSON mapper, configured for model metadata. */
    public static ObjectMapper json() {
        return JSON;
    }

    static void save(
            NextShowModel model,
            Path directory,
            String dataSource,
            long seed,
            Map<String, Object> metrics,
            Map<String, byte[]> extraFiles) {
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            deleteStaleStaging(parent, name);
            Files.createDirectory(staging);

            Path parameters = staging.resolve(PARAMETERS_FILE);
            // Model.save names the file after the "Epoch" property; staging is empty, so 0 is
            // also what it would pick without the property.
            model.djlModel().setProperty("Epoch", "0");
            model.djlModel().save(staging, NextShowModel.NAME);
            if (!Files.isRegularFile(parameters)) {
                throw new IOException("DJL did not write the expected file " + parameters);
            }
            ModelMetadata metadata =
                    new ModelMetadata(
                            ModelMetadata.FORMAT_VERSION,
                            LIBRARY_VERSION,
                            Instant.now().toString(),
                            model.config(),
                            model.shows().knownIds(),
                            model.assets().names(),
                            model.windowStride(),
                            dataSource,
                            seed,
                            sha256(parameters),
                            metrics);
            Files.write(staging.resolve(METADATA_FILE), JSON.writeValueAsBytes(metadata));
            force(parameters);
            force(staging.resolve(METADATA_FILE));
            for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
                Path file = staging.resolve(extra.getKey());
                if (!file.getParent().equals(staging)) {
                    throw new IllegalArgumentException(
                            "extra file name must not contain a path, found " + extra.getKey());
                }
                Files.write(file, extra.getValue());
                force(file);
            }

            replaceDirectory(staging, target);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("failed to save model to " + target + ": " + e, e);
        }
    }

    /**
     * Loads a model directory written by {@link NextShowModel#save}.
     *
     * @param directory the model directory
     * @param device device for the parameters
     * @return the model, which the caller must close
     * @throws ModelFormatException if the directory is missing, incomplete or inconsistent
     */
    public static NextShowModel load(Path directory, Device device) {
        ModelMetadata metadata = readMetadata(directory);
        boolean legacy = metadata.formatVersion() == 1;
        String fileName = legacy ? LEGACY_PARAMETERS_FILE : PARAMETERS_FILE;
        Path parameters = directory.resolve(fileName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(parameters);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(
                    "model directory " + directory + " has no " + fileName, e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + parameters + ": " + e, e);
        }
        String checksum = sha256(bytes);
        if (!checksum.equals(metadata.parametersSha256())) {
            throw new ModelFormatException(
                    parameters
                            + " has SHA-256 "
                            + checksum
                            + " but "
                            + METADATA_FILE
                            + " records "
                            + metadata.parametersSha256()
                            + "; the files come from different saves or one is corrupt."
                            + " Save the model again.");
        }

        IdVocabulary shows;
        AssetTypeVocabulary assets;
        try {
            shows = IdVocabulary.ofKnownIds(metadata.showIds());
            assets = AssetTypeVocabulary.ofNames(metadata.assetTypes());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(
                    METADATA_FILE + " in " + directory + " has invalid vocabularies: " + e, e);
        }

        Engines.start();
        NextShowBlock block;
        try {
            block = new NextShowBlock(metadata.config(), shows.size(), assets.size());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(
                    METADATA_FILE + " in " + directory + " is invalid: " + e.getMessage(), e);
        }
        Model djlModel = Model.newInstance(NextShowModel.NAME, device, "PyTorch");
        djlModel.setBlock(block);
        NextShowModel model =
                new NextShowModel(djlModel, block, shows, assets, metadata.windowStride());
        try {
            block.initialize(djlModel.getNDManager(), DataType.FLOAT32, block.inputShapes(1));
            DataInputStream input = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!legacy) {
                skipDjlHeader(input, parameters);
            }
            model.loadParameters(input);
            checkShape(model, "show_embedding", shows.size(), directory);
            checkShape(model, "asset_embedding", assets.size(), directory);
        } catch (IOException | RuntimeException e) {
            model.close();
            if (e instanceof ModelFormatException) {
                throw (ModelFormatException) e;
            }
            throw new ModelFormatException(
                    "failed to load parameters from " + parameters + ": " + e, e);
        }
        return model;
    }

    /**
     * Reads and validates {@value #METADATA_FILE} of a model directory.
     *
     * @throws ModelFormatException if it is missing, unparsable or of an unknown version
     */
    public static ModelMetadata readMetadata(Path directory) {
        Path file = directory.resolve(METADATA_FILE);
        if (!Files.isDirectory(directory)) {
            throw new ModelFormatException(
                    "model directory " + directory + " does not exist or is not a directory");
        }
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(file.toFile(), ModelMetadata.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ModelFormatException(
                    "model directory " + directory + " has no " + METADATA_FILE, e);
        } catch (IOException e) {
            throw new ModelFormatException("failed to parse " + file + ": " + e.getMessage(), e);
        }
        if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION
                && metadata.formatVersion() != 1) {
            throw new ModelFormatException(
                    file
                            + " has format version "
                            + metadata.formatVersion()
                            + " but this library reads versions 1 and "
                            + ModelMetadata.FORMAT_VERSION);
        }
        if (metadata.config() == null
                || metadata.showIds() == null
                || metadata.assetTypes() == null
                || metadata.parametersSha256() == null) {
            throw new ModelFormatException(
                    file + " lacks one of config, showIds, assetTypes, parametersSha256");
        }
        return metadata;
    }

    /**
     * Reads past the header that {@link Model#save} writes before the block parameters: the magic
     * bytes, a version, the model name, the data type, the input descriptions and the properties.
     * DJL's {@code BaseModel.readParameters} reads the same fields in the same order.
     */
    private static void skipDjlHeader(DataInputStream input, Path file) throws IOException {
        byte[] magic = new byte[DJL_MAGIC.length()];
        input.readFully(magic);
        if (!DJL_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new ModelFormatException(
                    file + " does not start with " + DJL_MAGIC + "; it was not written by DJL");
        }
        int version = input.readInt();
        if (version != 1) {
            throw new ModelFormatException(
                    file + " has DJL model version " + version + ", expected 1");
        }
        input.readUTF();
        input.readUTF();
        int inputCount = input.readInt();
        for (int i = 0; i < inputCount; i++) {
            input.readUTF();
            Shape.decode(input);
        }
        int propertyCount = input.readInt();
        for (int i = 0; i < propertyCount; i++) {
            input.readUTF();
            input.readUTF();
        }
    }

    private static void checkShape(NextShowModel model, String name, int rows, Path directory) {
        Shape shape = model.parameterShape(name);
        if (shape.get(0) != rows) {
            throw new ModelFormatException(
                    "parameter "
                            + name
                            + " in "
                            + directory
                            + " has "
                            + shape.get(0)
                            + " rows but the vocabulary has "
                            + rows);
        }
    }

    private static void replaceDirectory(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * Deletes staging directories of earlier saves to the same target that a killed process left
     * behind. Only one process may save to a given directory at a time.
     */
    private static void deleteStaleStaging(Path parent, String name) throws IOException {
        String prefix = "." + name + ".tmp-";
        try (var entries = Files.list(parent)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().startsWith(prefix)) {
                    deleteQuietly(entry);
                }
            }
        }
    }

    /** Deletes a directory tree, ignoring errors; used for staging leftovers. */
    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.delete(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.delete(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // Leftover staging files do not affect the saved model; they are named .*.tmp-*.
        }
    }

    private static String libraryVersion() {
        String version = ModelStore.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
