package se.vittne.capture.media;

/**
 * Quality figures of one WAV channel, so that one-way audio and gaps can be flagged.
 *
 * @param channel the channel index
 * @param packets RTP packets received and used
 * @param lost packets expected but never received (RFC 3550 A.3)
 * @param late packets that arrived after their playout point and were dropped
 * @param duplicates packets received more than once
 * @param jitterMillis the interarrival jitter estimate of RFC 3550 section 6.4.1, in ms
 * @param silenceShare the share of the channel's samples that are silence inserted by the recorder
 *     (not received), from 0 to 1
 */
public record ChannelQuality(
    int channel,
    long packets,
    long lost,
    long late,
    long duplicates,
    double jitterMillis,
    double silenceShare) {}
