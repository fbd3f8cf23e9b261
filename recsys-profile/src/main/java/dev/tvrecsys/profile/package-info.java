/**
 * Data profiles of event logs: {@link dev.tvrecsys.profile.DataProfiler} computes counts, history
 * lengths, the asset-type mix, show popularity and the repeat share of an {@link
 * dev.tvrecsys.data.EventLog}, and {@link dev.tvrecsys.profile.ProfileReport} writes them as
 * Markdown, JSON and PNG charts. Depends on recsys-data (without DJL), Tablesaw, JFreeChart,
 * Jackson and the SLF4J API.
 */
package dev.tvrecsys.profile;
