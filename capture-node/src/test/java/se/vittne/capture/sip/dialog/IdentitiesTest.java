package se.vittne.capture.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Headers;

class IdentitiesTest {

  @Test
  void splitsNameAddrListsAtTopLevelCommasOnly() {
    Headers headers =
        new Headers(
            List.of(
                new HeaderField(
                    "Diversion",
                    "\"Smith, John\" <sip:+4611@a.se;x=a,b>;reason=busy, "
                        + "<sip:+4622@a.se>;reason=unconditional"),
                new HeaderField("Diversion", "<sip:+4633@a.se>")));

    assertThat(Identities.list(headers, "Diversion"))
        .containsExactly(
            "\"Smith, John\" <sip:+4611@a.se;x=a,b>;reason=busy",
            "<sip:+4622@a.se>;reason=unconditional",
            "<sip:+4633@a.se>");
  }

  @Test
  void recognisesSiprecByOptionTagOrFeatureTagWhereverItIs() {
    assertThat(
            Identities.siprecSignalled(
                new Headers(List.of(new HeaderField("Require", "100rel, SIPREC")))))
        .isTrue();
    assertThat(
            Identities.siprecSignalled(
                new Headers(List.of(new HeaderField("Supported", "siprec")))))
        .isTrue();
    assertThat(
            Identities.siprecSignalled(
                new Headers(
                    List.of(
                        new HeaderField("Contact", "<sip:10.0.0.1:5060;transport=tcp;+sip.src>")))))
        .isTrue();
    assertThat(
            Identities.siprecSignalled(
                new Headers(
                    List.of(
                        new HeaderField("Contact", "<sip:pbx@10.0.0.1>"),
                        new HeaderField("Supported", "timer")))))
        .isFalse();
  }
}
