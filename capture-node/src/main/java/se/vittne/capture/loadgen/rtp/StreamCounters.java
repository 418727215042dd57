package se.vittne.capture.loadgen.rtp;

/** What one stream sent, counted by the pacer's thread; read it there or after the run. */
public final class StreamCounters {
  long packets;
  long bytes;
  long lost;
  long duplicated;
  long reordered;
  long ssrcChanges;

  /** Packets handed to the socket, duplicates included. */
  public long packets() {
    return packets;
  }

  /** Bytes of RTP (header and payload) handed to the socket. */
  public long bytes() {
    return bytes;
  }

  /** Frames withheld to simulate loss. */
  public long lost() {
    return lost;
  }

  public long duplicated() {
    return duplicated;
  }

  public long reordered() {
    return reordered;
  }

  public long ssrcChanges() {
    return ssrcChanges;
  }
}
