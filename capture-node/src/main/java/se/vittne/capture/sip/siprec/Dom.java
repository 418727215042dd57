package se.vittne.capture.sip.siprec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-blind reading of DOM elements, bounded. */
final class Dom {
  static final int MAX_TEXT = 1024;

  private Dom() {}

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        out.add(element);
      }
    }
    return out;
  }

  static String local(Element element) {
    String name = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    return name.toLowerCase(Locale.ROOT);
  }

  static Optional<String> attribute(Element element, String... names) {
    for (String name : names) {
      if (element.hasAttribute(name)) {
        return Optional.of(element.getAttribute(name).strip());
      }
    }
    return Optional.empty();
  }

  static String text(Element element) {
    String text = element.getTextContent();
    if (text == null) {
      return "";
    }
    text = text.strip();
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
