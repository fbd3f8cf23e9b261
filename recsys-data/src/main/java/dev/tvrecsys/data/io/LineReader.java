package dev.tvrecsys.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Splits a byte stream into lines without decoding it, for ASCII-compatible encodings such as
 * UTF-8.
 *
 * <p>Lines end at LF. A CR before the LF and a UTF-8 byte order mark at the start of the stream are
 * dropped. After {@link #next()} returns true, the line is {@code bytes()[start(), end())}, valid
 * until the next call.
 */
final class LineReader implements AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfStream;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Opens a file, decompressing it when it starts with the gzip magic bytes.
     *
     * @throws IOException if the file cannot be opened
     */
    static LineReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
                return new LineReader(new GZIPInputStream(raw, 1 << 16));
            }
            return new LineReader(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the stream
     * @throws IOException if reading fails
     */
    boolean next() throws IOException {
        int scan = position;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buffer[i] == '\n') {
                    setLine(position, i);
                    position = i + 1;
                    return true;
                }
            }
            scan = limit;
            if (endOfStream) {
                if (position == limit) {
                    return false;
                }
                setLine(position, limit);
                position = limit;
                return true;
            }
            int shift = position;
            fill();
            scan -= shift;
        }
    }

    private void setLine(int start, int end) {
        if (end > start && buffer[end - 1] == '\r') {
            end--;
        }
        if (lineNumber == 0
                && end - start >= 3
                && buffer[start] == (byte) 0xEF
                && buffer[start + 1] == (byte) 0xBB
                && buffer[start + 2] == (byte) 0xBF) {
            start += 3;
        }
        lineStart = start;
        lineEnd = end;
        lineNumber++;
    }

    /** Moves the unread bytes to the front, grows the buffer if it is full, and reads more. */
    private void fill() throws IOException {
        int remaining = limit - position;
        System.arraycopy(buffer, position, buffer, 0, remaining);
        position = 0;
        limit = remaining;
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfStream = true;
        } else {
            limit += read;
        }
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** Returns the 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
