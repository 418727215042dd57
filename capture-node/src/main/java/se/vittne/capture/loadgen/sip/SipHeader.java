package se.vittne.capture.loadgen.sip;

import java.util.Objects;

/**
 * One header field line as received, folded lines joined.
 *
 * @param name the name with its compact form expanded (RFC 3261 section 7.3.3)
 * @param value the value, trimmed
 */
public record SipHeader(String name, String value) {
  public SipHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
