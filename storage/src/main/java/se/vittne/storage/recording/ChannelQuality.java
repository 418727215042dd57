package se.vittne.storage.recording;

/**
 * Reception figures of one channel (one party) of a recording.
 *
 * @param packets RTP packets received
 * @param lost packets never received
 * @param late packets that arrived too late to be used
 * @param duplicates packets received more than once
 * @param jitterMs interarrival jitter (RFC 3550 section 6.4.1) in milliseconds
 * @param silenceShare the share of the channel's time that was silent, 0 to 1
 */
public record ChannelQuality(
    long packets, long lost, long late, long duplicates, double jitterMs, double silenceShare) {
  public ChannelQuality {
    if (packets < 0 || lost < 0 || late < 0 || duplicates < 0 || jitterMs < 0) {
      throw new IllegalArgumentException("quality figures must not be negative");
    }
    if (silenceShare < 0 || silenceShare > 1) {
      throw new IllegalArgumentException("silence share must be between 0 and 1");
    }
  }
}
