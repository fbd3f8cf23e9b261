package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.model.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The inference window of every viewer: the newest events of each viewer, left-padded to the window
 * length, as built by {@link Windowing#inferenceWindows}. Show and asset entries are indices of the
 * vocabularies the windows were built with, so a file of windows belongs to one model or baseline
 * directory.
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class ViewerWindows {

    /** File name of the windows inside a model or baseline directory. */
    public static final String FILE = "viewer-windows.bin";

    private static final int MAGIC = 0x5657494e;
    private static final int VERSION = 1;

    private final SampleSet windows;

    private ViewerWindows(SampleSet windows) {
        this.windows = windows;
    }

    /**
     * Builds the windows of every viewer in {@code log}.
     *
     * @param log the events
     * @param shows show vocabulary of the model; unseen shows become {@link IdVocabulary#UNKNOWN}
     * @param assets asset-type vocabulary of the model
     * @param windowLength events per window, the model's window length
     * @return one window per viewer
     */
    public static ViewerWindows of(
            EventLog log, IdVocabulary shows, AssetTypeVocabulary assets, int windowLength) {
        ViewerHistories histories = ViewerHistories.of(log);
        Windowing windowing = new Windowing(windowLength, 1, false);
        return new ViewerWindows(windowing.inferenceWindows(histories, shows, assets));
    }

    /** Returns the number of viewers. */
    public int size() {
        return windows.size();
    }

    /** Returns the events per window. */
    public int windowLength() {
        return windows.windowLength();
    }

    /** Returns the windows as samples without targets, in ascending viewer id order. */
    SampleSet samples() {
        return windows;
    }

    /** Returns the id of the viewer at position {@code i}. */
    public int viewerId(int i) {
        return windows.viewerId(i);
    }

    /**
     * Returns the position of a viewer, or a negative number if the viewer has no window.
     *
     * @param viewerId external viewer id
     * @return the position for {@link #viewerId(int)} and the sample index, or negative
     */
    public int indexOf(int viewerId) {
        int low = 0;
        int high = windows.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int id = windows.viewerId(middle);
            if (id < viewerId) {
                low = middle + 1;
            } else if (id > viewerId) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * Writes the windows to {@code file} through a temporary sibling file and a rename, so readers
     * never see a partial file.
     *
     * @param file target file, replaced if it exists
     * @throws UncheckedIOException if writing fails
     */
    public void save(Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        int n = windows.size();
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(windows.windowLength());
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeInt(windows.viewerId(i));
                out.writeLong(windows.targetTime(i));
            }
            for (int value : windows.shows()) {
                out.writeInt(value);
            }
            for (int value : windows.assets()) {
                out.writeInt(value);
            }
            for (float value : windows.minutes()) {
                out.writeFloat(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + temporary + ": " + e, e);
        }
        try {
            Files.move(
                    temporary,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to move " + temporary + " to " + target, e);
        }
    }

    /**
     * Reads windows written by {@link #save(Path)}.
     *
     * @param file the file
     * @param showCount size of the show vocabulary they must index into
     * @param assetCount size of the asset-type vocabulary they must index into
     * @return the windows
     * @throws ModelFormatException if the file is missing, truncated or indexes outside the
     *     vocabularies
     */
    public static ViewerWindows load(Path file, int showCount, int assetCount) {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new ModelFormatException(file + " is not a version 1 viewer window file");
            }
            int windowLength = in.readInt();
            int n = in.readInt();
            if (windowLength <= 0 || n < 0 || (long) n * windowLength > Integer.MAX_VALUE - 8) {
                throw new ModelFormatException(
                        file + " has invalid sizes: " + n + " windows of " + windowLength);
            }
            int[] viewerIds = new int[n];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                viewerIds[i] = in.readInt();
                times[i] = in.readLong();
                if (i > 0 && viewerIds[i] <= viewerIds[i - 1]) {
                    throw new ModelFormatException(
                            file + " lists viewer ids out of order at position " + i);
                }
            }
            int[] shows = readIndices(in, n * windowLength, showCount, file, "show");
            int[] assets = readIndices(in, n * windowLength, assetCount, file, "asset");
            float[] minutes = new float[n * windowLength];
            for (int p = 0; p < minutes.length; p++) {
                minutes[p] = in.readFloat();
            }
            int[] none = new int[n];
            Arrays.fill(none, SampleSet.NO_TARGET);
            return new ViewerWindows(
                    new SampleSet(
                            windowLength,
                            shows,
                            assets,
                            minutes,
                            none,
                            none.clone(),
                            viewerIds,
                            times));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("viewer window file " + file + " not found", e);
        } catch (EOFException e) {
            throw new ModelFormatException(file + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + file + ": " + e, e);
        }
    }

    private static int[] readIndices(
            DataInputStream in, int count, int size, Path file, String kind) throws IOException {
        int[] values = new int[count];
        for (int p = 0; p < count; p++) {
            int value = in.readInt();
            if (value < 0 || value >= size) {
                throw new ModelFormatException(
                        file
                                + " has "
                                + kind
                                + " index "
                                + value
                                + ", outside the vocabulary of size "
                                + size);
            }
            values[p] = value;
        }
        return values;
    }
}
