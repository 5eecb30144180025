/**
 * Name matching shared by every layer of the processor that reports a misspelt name: the one
 * {@link dev.warden.processor.names.DidYouMean "did you mean"} rule. It depends on nothing, so that the constraint
 * language and the diagnostics may both use it without depending on each other.
 */
package dev.warden.processor.names;
