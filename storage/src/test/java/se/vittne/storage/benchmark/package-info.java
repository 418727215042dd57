/**
 * The recording-search benchmark of issue 3, run with {@code mvn -pl storage -Pbenchmark verify}.
 */
package se.vittne.storage.benchmark;
