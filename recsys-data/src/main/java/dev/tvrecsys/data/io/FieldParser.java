package dev.tvrecsys.data.io;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Allocation-free parsers for ASCII fields given as a byte range {@code [from, to)}. */
final class FieldParser {

    /** Returned by {@link #parseLong} for text that is not a decimal integer. */
    static final long INVALID = Long.MIN_VALUE;

    private FieldParser() {}

    /**
     * Parses a decimal integer with an optional sign, ignoring surrounding spaces.
     *
     * @return the value, or {@link #INVALID} for empty text, other characters or overflow
     */
    static long parseLong(byte[] bytes, int from, int to) {
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return INVALID;
        }
        boolean negative = bytes[from] == '-';
        if (negative || bytes[from] == '+') {
            from++;
            if (from == to) {
                return INVALID;
            }
        }
        if (to - from > 18) {
            return INVALID;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** Returns whether the range has the shape of an ISO date, {@code yyyy-MM-dd}. */
    static boolean looksLikeIsoDate(byte[] bytes, int from, int to) {
        return to - from == 10 && bytes[from + 4] == '-' && bytes[from + 7] == '-';
    }

    /**
     * Parses an ISO date {@code yyyy-MM-dd}.
     *
     * @return the epoch day, or {@link #INVALID} if the text is not a valid calendar date
     */
    static long parseIsoDate(byte[] bytes, int from, int to) {
        if (!looksLikeIsoDate(bytes, from, to)) {
            return INVALID;
        }
        long year = parseDigits(bytes, from, from + 4);
        long month = parseDigits(bytes, from + 5, from + 7);
        long day = parseDigits(bytes, from + 8, from + 10);
        if (year < 0 || month < 0 || day < 0) {
            return INVALID;
        }
        try {
            return LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /**
     * Parses a time of day {@code HH:MM} or {@code H:MM}, from 00:00 to 23:59.
     *
     * @return the minute of the day, or -1 if the text is not a valid time of day
     */
    static int parseMinuteOfDay(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 4 || length > 5 || bytes[to - 3] != ':') {
            return -1;
        }
        long hour = parseDigits(bytes, from, to - 3);
        long minute = parseDigits(bytes, to - 2, to);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return -1;
        }
        return (int) (hour * 60 + minute);
    }

    /** Returns the value of a range of digits only, or -1 if another character occurs. */
    private static long parseDigits(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Returns whether the range is empty or contains only spaces and tabs. */
    static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
