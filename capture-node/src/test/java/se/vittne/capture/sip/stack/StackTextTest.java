package se.vittne.capture.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StackTextTest {

  @Test
  void splitsListHeaderValuesOutsideQuotesAndBrackets() {
    assertThat(HeaderValues.split("INVITE, ACK,BYE")).containsExactly("INVITE", "ACK", "BYE");
    assertThat(HeaderValues.split("399 vittne \"a, b\", 399 other \"c\""))
        .containsExactly("399 vittne \"a, b\"", "399 other \"c\"");
    assertThat(HeaderValues.split("<sip:a@b;x=1,2>, <sip:c@d>"))
        .containsExactly("<sip:a@b;x=1,2>", "<sip:c@d>");
  }

  @Test
  void tellsSip20RequestLinesFromOthers() {
    assertThat(version("OPTIONS sip:a@b SIP/2.0\r\n")).isTrue();
    assertThat(version("\r\nOPTIONS sip:a@b sip/2.0\r\n")).isTrue();
    assertThat(version("OPTIONS sip:a@b SIP/3.0\r\n")).isFalse();
    assertThat(version("OPTIONS sip:a@b\r\n")).isFalse();
  }

  @Test
  void makesParseErrorsOneBoundedLine() {
    String message = "CSeq: x OPTIONS\r\n:Number format exception " + "y".repeat(300);

    String line = ParseText.oneLine(message);

    assertThat(line)
        .doesNotContain("\r")
        .doesNotContain("\n")
        .hasSizeLessThanOrEqualTo(120)
        .startsWith("CSeq: x OPTIONS :Number format exception");
  }

  private static boolean version(String text) {
    return ParseText.version20(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
