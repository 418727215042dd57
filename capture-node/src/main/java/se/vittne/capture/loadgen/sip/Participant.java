package se.vittne.capture.loadgen.sip;

import java.util.Objects;

/**
 * A party of the recorded call, as the metadata names it (RFC 7865 section 6.5).
 *
 * @param aor the address of record, e.g. {@code sip:+46701000001@pbx.example}
 * @param name the display name
 */
public record Participant(String aor, String name) {
  public Participant {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(name, "name");
  }
}
