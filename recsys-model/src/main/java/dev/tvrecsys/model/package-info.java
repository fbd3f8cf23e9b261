/**
 * The embedding + LSTM next-show model, its configuration and the model store. Compiles against
 * DJL's {@code api}; the PyTorch engine is needed at runtime.
 */
package dev.tvrecsys.model;
