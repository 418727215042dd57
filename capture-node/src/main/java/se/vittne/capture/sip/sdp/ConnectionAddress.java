package se.vittne.capture.sip.sdp;

import java.util.Objects;

/**
 * A {@code c=} line's address (RFC 8866 section 5.7).
 *
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the address, without a TTL or count suffix
 */
public record ConnectionAddress(String addressType, String address) {
  public ConnectionAddress {
    Objects.requireNonNull(addressType, "addressType");
    Objects.requireNonNull(address, "address");
  }

  /** The RFC 2543 hold address, still used by SRCs to pause a stream (RFC 3264 section 8.4). */
  public boolean isHold() {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
  }
}
