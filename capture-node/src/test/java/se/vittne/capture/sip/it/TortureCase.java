package se.vittne.capture.sip.it;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One malformed or unusual message of the torture test and the answer it must get.
 *
 * <p>The template is written with LF line ends, turned into CRLF unless {@code keepLineEnds}, and
 * fills in {@code ${via}} (a Via with our transport, address, port and a fresh branch), {@code
 * ${callid}}, {@code ${target}} (the server's host:port) and {@code ${length}} (the length of the
 * body after the first blank line).
 *
 * @param name what is unusual about it
 * @param template the message
 * @param expected the status codes that are a sensible answer; empty means the message must be
 *     dropped without any answer (and counted as malformed)
 * @param udp whether to send it over UDP
 * @param tcp whether to send it over TCP
 * @param keepLineEnds send the template's line ends as written
 */
record TortureCase(
    String name,
    String template,
    Set<Integer> expected,
    boolean udp,
    boolean tcp,
    boolean keepLineEnds) {
  TortureCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    expected = Set.copyOf(expected);
  }

  static TortureCase answered(String name, String template, Integer... statuses) {
    return new TortureCase(name, template, Set.of(statuses), true, true, false);
  }

  static TortureCase dropped(String name, String template) {
    return new TortureCase(name, template, Set.of(), true, true, false);
  }

  TortureCase udpOnly() {
    return new TortureCase(name, template, expected, true, false, keepLineEnds);
  }

  TortureCase tcpOnly() {
    return new TortureCase(name, template, expected, false, true, keepLineEnds);
  }

  TortureCase rawLineEnds() {
    return new TortureCase(name, template, expected, udp, tcp, true);
  }

  boolean mustBeDropped() {
    return expected.isEmpty();
  }

  /** A message ready to send, and its Call-ID to recognise the answer by. */
  record Rendered(byte[] bytes, String callId) {}

  /** The bytes to send from a client at this port over this transport. */
  Rendered render(String transport, int clientPort, String target) {
    String unique = UUID.randomUUID().toString().substring(0, 12);
    String text =
        template
            .replace(
                "${via}",
                "SIP/2.0/"
                    + transport
                    + " 127.0.0.1:"
                    + clientPort
                    + ";branch=z9hG4bK-"
                    + unique
                    + ";rport")
            .replace("${callid}", "torture-" + unique)
            .replace("${target}", target);
    if (!keepLineEnds) {
      text = text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
    int split = text.indexOf(keepLineEnds ? "\n\n" : "\r\n\r\n");
    int bodyLength =
        split < 0
            ? 0
            : text.substring(split + (keepLineEnds ? 2 : 4))
                .getBytes(StandardCharsets.UTF_8)
                .length;
    text = text.replace("${length}", Integer.toString(bodyLength));
    return new Rendered(text.getBytes(StandardCharsets.UTF_8), "torture-" + unique);
  }

  @Override
  public String toString() {
    return name;
  }
}
