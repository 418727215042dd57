package se.vittne.capture.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range of UDP ports, walked with a step (2 for the even ports of RTP/RTCP pairs).
 *
 * @param first the first port, 0 for one port chosen by the operating system
 * @param last the last port, ≥ first
 * @param step the distance between used ports, ≥ 1
 */
public record PortRange(int first, int last, int step) {
  /** One port chosen by the operating system. */
  public static final PortRange EPHEMERAL = new PortRange(0, 0, 1);

  /** Bounds the sockets one range may open. */
  public static final int MAX_PORTS = 32_768;

  public PortRange {
    if (first < 0 || last > 65535 || last < first) {
      throw new IllegalArgumentException("not a port range: " + first + "-" + last);
    }
    if (step < 1) {
      throw new IllegalArgumentException("step must be ≥ 1: " + step);
    }
    if ((last - first) / step + 1 > MAX_PORTS) {
      throw new IllegalArgumentException(
          "more than " + MAX_PORTS + " ports: " + first + "-" + last);
    }
  }

  /** Parses {@code start-end} or a single port. */
  public static PortRange parse(String text, int step) {
    String trimmed = text.trim();
    int dash = trimmed.indexOf('-');
    try {
      if (dash < 0) {
        int port = Integer.parseInt(trimmed);
        return new PortRange(port, port, step);
      }
      return new PortRange(
          Integer.parseInt(trimmed.substring(0, dash).trim()),
          Integer.parseInt(trimmed.substring(dash + 1).trim()),
          step);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port range (start-end): " + text, e);
    }
  }

  /** The ports, in order. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (int port = first; port <= last; port += step) {
      ports.add(port);
    }
    return ports;
  }

  /** How many ports the range holds. */
  public int size() {
    return (last - first) / step + 1;
  }

  /** The port number {@code index} of the range, wrapping around. */
  public int port(long index) {
    return first + (int) (index % size()) * step;
  }
}
