/**
 * Event logs, vocabularies, viewer histories, windowing, splits and the DJL dataset over sample
 * arrays. Depends on DJL's {@code api} for the dataset and batch types only.
 */
package dev.tvrecsys.data;
