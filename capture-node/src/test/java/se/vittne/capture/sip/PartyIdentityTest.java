package se.vittne.capture.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vittne.policy.number.NumberingPlan;

class PartyIdentityTest {

  @ParameterizedTest(name = "{0} -> user {1}, host {2}, number {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "sip:+46812345678@192.0.2.20                          | +46812345678 | 192.0.2.20        | +46812345678",
        "sip:4711@192.0.2.21                                  | 4711         | 192.0.2.21        | -",
        "tel:+46812340001                                     | +46812340001 | -                 | +46812340001",
        "tel:12340002;phone-context=+468                      | 12340002     | -                 | +46812340002",
        "sip:+46812340003@ims.example.se;user=phone           | +46812340003 | ims.example.se    | +46812340003",
        "sip:%2B46812340004@ims.example.se;user=phone         | +46812340004 | ims.example.se    | +46812340004",
        "0812340005                                           | 0812340005   | -                 | +46812340005",
        "4631700100@198.51.100.55                             | 4631700100   | 198.51.100.55     | +4631700100",
        "0317009911@192.0.2.136:5060                          | 0317009911   | 192.0.2.136       | +46317009911",
        "sip:alice@atlanta.com                                | alice        | atlanta.com       | -",
        "sips:0701234567@pbx.example.se:5061;transport=tls    | 0701234567   | pbx.example.se    | +46701234567",
        "sip:1234;phone-context=+4687@pbx.example.se;user=phone | 1234       | pbx.example.se    | -",
        "sip:[2001:db8::1]:5060                               | -            | [2001:db8::1]     | -",
      })
  void readsAddressForms(String raw, String user, String host, String number) {
    PartyIdentity identity = PartyIdentity.parse(raw, NumberingPlan.SWEDEN);

    assertThat(identity.raw()).isEqualTo(raw);
    assertThat(identity.user()).isEqualTo(Optional.ofNullable(user));
    assertThat(identity.host()).isEqualTo(Optional.ofNullable(host));
    assertThat(identity.number().map(Object::toString)).isEqualTo(Optional.ofNullable(number));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Anna Andersson\" <sip:+46701234567@pbx.example.se>;tag=abc | Anna Andersson | +46701234567",
        "Växel <sip:0855500100@pbx.example.se>                     | Växel          | 0855500100",
        "<sip:+4631700100@198.51.100.55>;tag=gK0a1b2c              | -              | +4631700100",
      })
  void readsNameAddrWithDisplayNameAndHeaderParameters(String raw, String name, String user) {
    PartyIdentity identity = PartyIdentity.parse(raw, NumberingPlan.SWEDEN);

    assertThat(identity.displayName())
        .isEqualTo(name.equals("-") ? Optional.empty() : Optional.of(name));
    assertThat(identity.user()).contains(user);
  }

  @ParameterizedTest
  @CsvSource({"'   '", "'<>'", "'sip:'", "'garbage <<<'"})
  void neverThrowsOnUnreadableText(String raw) {
    PartyIdentity identity = PartyIdentity.parse(raw, NumberingPlan.SWEDEN);

    assertThat(identity.number()).isEmpty();
  }
}
