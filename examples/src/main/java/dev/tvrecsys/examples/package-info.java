/**
 * Runnable main classes: the main training job and the results table over all data sets and
 * protocols.
 */
package dev.tvrecsys.examples;
