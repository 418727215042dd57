package se.vittne.capture.sip.siprec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An element the standard does not define, kept as the SRC sent it (RFC 7865 section 6.1.2: {@code
 * extensiondata} and elements of other namespaces), with its leaf values for easy reading.
 *
 * @param namespace the element's namespace URI, empty when none
 * @param localName the element's local name, e.g. {@code callingParty}
 * @param xml the element serialised, with the namespace declarations it needs
 * @param values the text of the element (when it is a leaf) or of its leaf descendants, by local
 *     name, the first occurrence of each
 */
public record ExtensionData(
    String namespace, String localName, String xml, Map<String, String> values) {
  public ExtensionData {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(localName, "localName");
    Objects.requireNonNull(xml, "xml");
    values = Map.copyOf(values);
  }

  /** A leaf value by local name, if present. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
