package se.vittne.capture.loadgen;

/**
 * What one stream of a call sent.
 *
 * @param label the SDP label ({@code 1} for the caller's stream, {@code 2} for the callee's)
 * @param destination where it was sent, {@code host:port}
 * @param payloadType the RTP payload type used
 * @param ssrc the first SSRC of the stream
 * @param toneHz the tone frequency it carried, 0 when it played a WAV file
 * @param packets packets sent, duplicates included
 * @param bytes RTP bytes sent
 */
public record StreamOutcome(
    String label,
    String destination,
    int payloadType,
    long ssrc,
    int toneHz,
    long packets,
    long bytes) {}
