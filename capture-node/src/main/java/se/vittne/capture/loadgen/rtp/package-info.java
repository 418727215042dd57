/**
 * RTP for the load generator, free of I/O so that it can be tested tick by tick: per-stream packet
 * schedules (sequence numbers, timestamps, SSRC, marker bit and scripted faults), and a pacer that
 * emits every due packet of every stream on one 20 ms tick into a {@link
 * se.vittne.capture.loadgen.rtp.PacketSink}, which batches them.
 */
package se.vittne.capture.loadgen.rtp;
