package se.vittne.capture.sip.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
          + "m=audio 4000 RTP/AVP 0\r\na=label:1\r\n";
  private static final String XML =
      "<?xml version=\"1.0\"?>\r\n<recording xmlns='urn:ietf:params:xml:ns:recording:1'>"
          + "<datamode>complete</datamode></recording>";

  private final BodyReader reader = new BodyReader(8);

  private RecordingBody read(String contentType, String body) throws BodyException {
    return reader.read(Optional.ofNullable(contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  private static String metadataOf(RecordingBody body) {
    return new String(body.metadata().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void readsSdpThenMetadataWithCrlfAndUnquotedBoundary() throws Exception {
    String body =
        "--b1\r\nContent-Type: application/sdp\r\n\r\n"
            + SDP
            + "\r\n--b1\r\nContent-Type: application/rs-metadata+xml\r\n"
            + "Content-Disposition: recording-session\r\n\r\n"
            + XML
            + "\r\n--b1--\r\n";

    RecordingBody read = read("multipart/mixed;boundary=b1", body);

    assertThat(read.sdp()).contains(SDP);
    assertThat(metadataOf(read)).isEqualTo(XML);
    assertThat(read.ignoredTypes()).isEmpty();
  }

  @Test
  void readsMetadataFirstWithQuotedBoundaryAndLooseHeaders() throws Exception {
    String body =
        "\r\n--\"odd\"\r\n".replace("\"", "") // delimiter lines never carry quotes
            + "content-type:application/RS-METADATA\r\n\r\n"
            + XML
            + "\r\n--odd\r\nCONTENT-TYPE :  application/sdp ; charset=utf-8\r\n\r\n"
            + SDP
            + "\r\n--odd--";

    RecordingBody read = read("Multipart/Mixed; Boundary=\"odd\"", body);

    assertThat(read.sdp()).contains(SDP);
    assertThat(metadataOf(read)).isEqualTo(XML);
  }

  @Test
  void acceptsBareLineFeedsTrailingWhitespaceAndMissingCloseDelimiter() throws Exception {
    String sdp = SDP.replace("\r\n", "\n");
    String body =
        "--x \nContent-Type: application/sdp\n\n"
            + sdp
            + "\n--x\t\nContent-Type: application/rs-metadata\n\n"
            + XML
            + "\n\n";

    RecordingBody read = read("multipart/mixed; boundary=x", body);

    assertThat(read.sdp()).contains(sdp);
    assertThat(metadataOf(read)).isEqualTo(XML);
  }

  @Test
  void keepsOtherPartsAsIgnoredTypesLikeCiscoGtd() throws Exception {
    String body =
        "--u\r\nContent-Disposition: session;handling=required\r\n"
            + "Content-Type: application/sdp\r\n\r\n"
            + SDP
            + "\r\n--u\r\nContent-Disposition: recording-session\r\n"
            + "Content-Type: application/rs-metadata+xml\r\n\r\n"
            + XML
            + "\r\n--u\r\nContent-Disposition: signal;handling=optional\r\n"
            + "Content-Type: application/gtd\r\n\r\nIAM,\r\nGCI,123\r\n\r\n--u--\r\n";

    RecordingBody read = read("multipart/mixed;boundary=u", body);

    assertThat(read.sdp()).contains(SDP);
    assertThat(read.metadata()).isPresent();
    assertThat(read.ignoredTypes()).containsExactly("application/gtd");
  }

  @Test
  void recognisesPartsWithGarbledOrMissingTypesByContent() throws Exception {
    String body =
        "--w\r\nContent-Type:application/ +xml\r\nContent-Length:99\r\n\r\n"
            + XML
            + "\r\n--w\r\n\r\n"
            + SDP
            + "\r\n--w--\r\n";

    RecordingBody read = read("multipart/mixed;boundary=w", body);

    assertThat(read.sdp()).contains(SDP);
    assertThat(metadataOf(read)).isEqualTo(XML);
  }

  @Test
  void takesTheBoundaryFromTheBodyWhenTheParameterIsMissing() throws Exception {
    String body = "--guess\r\nContent-Type: application/sdp\r\n\r\n" + SDP + "\r\n--guess--\r\n";

    RecordingBody read = read("multipart/mixed", body);

    assertThat(read.sdp()).contains(SDP);
  }

  @Test
  void readsSinglePartBodies() throws Exception {
    assertThat(read("application/sdp", SDP).sdp()).contains(SDP);
    assertThat(read("application/rs-metadata+xml", XML).metadata()).isPresent();
    assertThat(read(null, SDP).sdp()).contains(SDP);
    assertThat(read("application/sdp", "").sdp()).isEmpty();
  }

  @Test
  void refusesBodyWhoseBoundaryIsNowhere() {
    assertThatThrownBy(() -> read("multipart/mixed;boundary=nope", "--other\r\n\r\nv=0\r\n"))
        .isInstanceOf(BodyException.class)
        .hasMessageContaining("boundary not found");
  }

  @Test
  void refusesMultipartWithoutAnyBoundary() {
    assertThatThrownBy(() -> read("multipart/mixed", "v=0\r\n"))
        .isInstanceOf(BodyException.class)
        .hasMessageContaining("without a boundary");
  }

  @Test
  void refusesTwoSdpParts() {
    String body =
        "--d\r\nContent-Type: application/sdp\r\n\r\n"
            + SDP
            + "\r\n--d\r\nContent-Type: application/sdp\r\n\r\n"
            + SDP
            + "\r\n--d--\r\n";

    assertThatThrownBy(() -> read("multipart/mixed;boundary=d", body))
        .isInstanceOf(BodyException.class)
        .hasMessageContaining("two SDP parts");
  }

  @Test
  void refusesMorePartsThanTheLimit() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      body.append("--m\r\nContent-Type: text/plain\r\n\r\nx\r\n");
    }
    body.append("--m--\r\n");

    assertThatThrownBy(() -> read("multipart/mixed;boundary=m", body.toString()))
        .isInstanceOf(BodyException.class)
        .hasMessageContaining("more than 8 body parts");
  }

  @Test
  void refusesBodiesOfOtherTypes() {
    assertThatThrownBy(() -> read("text/html", "<html></html>"))
        .isInstanceOf(BodyException.class)
        .hasMessageContaining("unsupported body type 'text/html'");
  }
}
