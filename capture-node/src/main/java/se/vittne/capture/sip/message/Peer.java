package se.vittne.capture.sip.message;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import se.vittne.capture.sip.SipTransport;

/**
 * Where a request came from: the packet source (never the Via), the transport, and the identities
 * of the TLS client certificate when there is one.
 */
public record Peer(InetSocketAddress address, SipTransport transport, List<String> tlsIdentities) {
  public Peer {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(transport, "transport");
    tlsIdentities = List.copyOf(tlsIdentities);
  }
}
