/**
 * Readers and writers of playback and interaction logs: Parquet playback exports, MovieLens files
 * and headed delimited text, with row validation and {@link dev.tvrecsys.data.io.ReadReport}
 * counts. Depends on the core data model, parquet-avro and SLF4J.
 */
package dev.tvrecsys.data.io;
