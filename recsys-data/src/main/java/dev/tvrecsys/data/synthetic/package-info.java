/**
 * The built-in seeded synthetic playback data set. Depends on {@link dev.tvrecsys.data.io} for
 * writing Parquet.
 */
package dev.tvrecsys.data.synthetic;
