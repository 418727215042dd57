/**
 * Running a capture node as a service: the management port with Prometheus metrics and
 * health checks, the disk-space guard that refuses new sessions before the spool fills, and
 * graceful draining on shutdown.
 */
package se.vittne.capture.ops;
