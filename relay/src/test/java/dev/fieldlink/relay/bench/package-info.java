/** Benchmarks of the relay (tagged {@code benchmark}, not run by default; see BENCHMARKS.md). */
package dev.fieldlink.relay.bench;
