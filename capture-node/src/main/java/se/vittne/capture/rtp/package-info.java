/**
 * RTP and RTCP reception (RFC 3550) on Netty's native epoll transport: packet accessors over the
 * raw bytes, the stateless validating filter and the router of the receive chain, per-source
 * sequence, loss, duplicate and jitter accounting, RTCP sender reports, RFC 4733 telephone events,
 * UDP port allocation, and the batching hand-off that moves packets off the event loop.
 *
 * <p>The receive chain, one pipeline per UDP port, in order:
 *
 * <ol>
 *   <li>{@link se.vittne.capture.rtp.RtpPacketFilter} (shared, stateless): drops and counts what is
 *       not structurally RTP or RTCP;
 *   <li>{@link se.vittne.capture.rtp.RtpStreamRouter} (shared, stateless): finds the port's stream,
 *       drops and counts packets of closed or paused streams, copies the packet into the event
 *       loop's current {@link se.vittne.capture.rtp.PacketBatch} and releases the buffer;
 *   <li>the event loop hands full batches (and, every few milliseconds, partial ones) to the
 *       session's writer thread through a bounded {@link se.vittne.capture.rtp.BatchSink}; when it
 *       is full the batch is dropped and counted, the loop never blocks.
 * </ol>
 *
 * Everything stateful about a stream (sequence numbers, jitter, decoding, the timeline) lives on
 * the writer side, owned by one thread.
 */
package se.vittne.capture.rtp;
