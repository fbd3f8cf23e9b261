/**
 * Evaluation protocols: ways to divide viewer histories into training, validation and test samples,
 * each returned as a {@link dev.tvrecsys.data.protocol.ProtocolSplit}.
 *
 * <p>{@link dev.tvrecsys.data.protocol.RandomWindowProtocol} reproduces the reference random split
 * of windows, which lets a viewer's test targets precede its training targets. {@link
 * dev.tvrecsys.data.protocol.LeaveOneOutProtocol} holds out each viewer's newest events and {@link
 * dev.tvrecsys.data.protocol.TimeSplitProtocol} holds out everything after a global cut-off time,
 * so neither trains on the future of a test target.
 *
 * <p>This package depends only on the core data model in {@code dev.tvrecsys.data}.
 */
package dev.tvrecsys.data.protocol;
