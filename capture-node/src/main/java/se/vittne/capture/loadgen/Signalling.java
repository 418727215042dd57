package se.vittne.capture.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import se.vittne.capture.loadgen.sip.SipTimers;

/** How calls are set up: by SIPREC towards a recorder, or not at all (RTP only). */
public sealed interface Signalling {

  /** The SIP transports the client speaks. */
  enum Transport {
    UDP,
    TCP;

    public static Transport parse(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * SIPREC INVITEs to a recorder, RTP to the ports of its answers.
   *
   * @param target the recorder's SIP address; every request goes there
   * @param transport UDP or TCP
   * @param localPort the local SIP port, 0 for one chosen by the operating system
   * @param timers the transaction timers (T1, T2)
   */
  record Siprec(InetSocketAddress target, Transport transport, int localPort, SipTimers timers)
      implements Signalling {
    public Siprec {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(timers, "timers");
    }
  }

  /**
   * No signalling: the same RTP as SIPREC calls would carry, sent to fixed ports, so that a bare
   * receiver and the capture node can be measured on exactly the same packets. Stream {@code k}
   * (call {@code k / 2}, participant {@code k % 2}) goes to entry {@code k} of {@code ports},
   * wrapping around: the ports of a range, or ports a media server handed out call by call (e.g.
   * rtpengine's).
   *
   * @param host where to send
   * @param ports the receiving port of each stream in order
   */
  record RtpOnly(InetAddress host, List<Integer> ports) implements Signalling {
    public RtpOnly {
      Objects.requireNonNull(host, "host");
      ports = List.copyOf(ports);
      if (ports.isEmpty()) {
        throw new IllegalArgumentException("no ports to send to");
      }
      for (int port : ports) {
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException("not a port: " + port);
        }
      }
    }

    /** Streams go to the ports of a range. */
    public RtpOnly(InetAddress host, PortRange range) {
      this(host, range.ports());
    }

    /** Stream {@code k} goes to {@code ports.get(k)}, wrapping around. */
    public static RtpOnly toPorts(InetAddress host, List<Integer> ports) {
      return new RtpOnly(host, ports);
    }

    /** The port stream {@code stream} is sent to. */
    public int port(long stream) {
      return ports.get((int) (stream % ports.size()));
    }
  }
}
