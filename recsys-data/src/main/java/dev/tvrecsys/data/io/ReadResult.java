package dev.tvrecsys.data.io;

import dev.tvrecsys.data.EventLog;

/**
 * The events of one file and the report of reading them.
 *
 * @param log the events that were kept
 * @param report the counts of rows read, kept and skipped
 */
public record ReadResult(EventLog log, ReadReport report) {}
