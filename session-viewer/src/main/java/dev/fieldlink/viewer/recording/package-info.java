/**
 * Session recordings: {@link dev.fieldlink.viewer.recording.SessionRecorder} writes both directions of a spliced RFB
 * connection plus periodic keyframes while streaming; {@link dev.fieldlink.viewer.recording.ReplayPlayer} plays,
 * seeks and exports frames with the live viewer's decoders. Format: {@code docs/recording-format.md}.
 */
package dev.fieldlink.viewer.recording;
