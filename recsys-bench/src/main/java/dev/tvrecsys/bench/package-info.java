/** JMH benchmarks; run them from the shaded {@code benchmarks.jar}. */
package dev.tvrecsys.bench;
