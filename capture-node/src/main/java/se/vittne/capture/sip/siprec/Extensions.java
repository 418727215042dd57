package se.vittne.capture.sip.siprec;

import java.util.List;
import java.util.Optional;

/** Lookups over the extension data of one metadata element. */
final class Extensions {
  private Extensions() {}

  static Optional<String> value(List<ExtensionData> extensions, String localName) {
    for (ExtensionData data : extensions) {
      Optional<String> value = data.value(localName);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
