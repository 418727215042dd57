package se.vittne.capture.sip.message;

import java.util.Objects;

/** A header as name and value text. */
public record HeaderField(String name, String value) {
  public HeaderField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
