package se.vittne.capture.sip.siprec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataParserRejectionTest {
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);

  private RecordingMetadata parse(String xml) throws MetadataException {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void doesNotResolveExternalEntityFromTheFileSystem(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-4711");
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE recording [ <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\"> ]>\n"
            + "<recording xmlns='urn:ietf:params:xml:ns:recording:1'>"
            + "<participant participant_id='p'><nameID aor='sip:a@b'><name>&xxe;</name></nameID>"
            + "</participant></recording>";

    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("DOCTYPE")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
  }

  @Test
  void neverConnectsToAnExternalDtdOrParameterEntity() throws Exception {
    try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + trap.getLocalPort() + "/evil.dtd";
      String external = "<!DOCTYPE recording SYSTEM \"" + url + "\"><recording/>";
      String parameter =
          "<!DOCTYPE recording [ <!ENTITY % p SYSTEM \"" + url + "\"> %p; ]>" + "<recording/>";

      assertThatThrownBy(() -> parse(external)).isInstanceOf(MetadataException.class);
      assertThatThrownBy(() -> parse(parameter)).isInstanceOf(MetadataException.class);

      trap.setSoTimeout(300);
      assertThatThrownBy(
              () -> {
                try (Socket ignored = trap.accept()) {
                  throw new AssertionError("the parser connected to " + url);
                }
              })
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void refusesInternalEntityExpansionBombs() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE recording [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<recording><participant id='p'><name>&c;</name></participant></recording>";

    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesDocumentsThatAreNotWellFormed() {
    assertThatThrownBy(() -> parse("<recording><participant></recording>"))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("malformed metadata XML");
    assertThatThrownBy(() -> parse("not xml at all")).isInstanceOf(MetadataException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(MetadataException.class);
  }

  @Test
  void refusesAnotherRootElement() {
    assertThatThrownBy(
            () -> parse("<conference-info xmlns='urn:ietf:params:xml:ns:conference-info'/>"))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("not <recording>");
  }

  @Test
  void refusesMoreParticipantsOrStreamsThanTheLimits() {
    MetadataParser strict = new MetadataParser(new MetadataLimits(64 * 1024, 2, 2, 1000));
    String participants =
        "<recording><participant id='a'/><participant id='b'/>"
            + "<participantstreamassoc participant_id='c'><send>x</send></participantstreamassoc>"
            + "</recording>";
    String streams = "<recording><stream id='1'/><stream id='2'/><stream id='3'/></recording>";

    assertThatThrownBy(() -> strict.parse(participants.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("more than 2 participants");
    assertThatThrownBy(() -> strict.parse(streams.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("more than 2 streams");
  }

  @Test
  void refusesTooManyElementsAndTooManyBytes() {
    MetadataParser strict = new MetadataParser(new MetadataLimits(200, 32, 32, 10));
    String many = "<recording>" + "<x/>".repeat(11) + "</recording>";
    String big = "<recording>" + " ".repeat(300) + "</recording>";

    assertThatThrownBy(() -> strict.parse(many.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("more than 10 elements");
    assertThatThrownBy(() -> strict.parse(big.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("larger than 200 bytes");
  }
}
