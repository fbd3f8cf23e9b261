/**
 * The training loop for next-show models and its listeners: progress, checkpoints and the per-epoch
 * history.
 */
package dev.tvrecsys.train;
