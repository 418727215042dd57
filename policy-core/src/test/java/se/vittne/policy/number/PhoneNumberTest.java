package se.vittne.policy.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "+46701234567",
        "0046701234567",
        "070-123 45 67",
        "0701234567",
        "070 123 45 67",
        "(070) 123-45-67",
        "070.123.45.67",
        "+46 70 123 45 67",
        "46701234567",
        "tel:+46701234567",
        "tel:+46-70-123-45-67",
        "TEL:+46701234567;ext=1",
        "tel:0701234567;phone-context=+46",
        "sip:+46701234567@pbx.example.com;user=phone",
        "sips:+46701234567@pbx.example.com:5061;user=phone",
        "sip:%2B46701234567@10.0.0.1",
        "sip:0701234567@10.0.0.1;user=phone",
        "sip:+46701234567;isub=12@pbx.example.com;user=phone",
        "<sip:+46701234567@pbx.example.com;user=phone>",
        "\"Anna Andersson\" <sip:+46701234567@pbx.example.com>;tag=1928301774",
        "  +46701234567  "
      })
  void normalisesEveryFormOfTheSameSwedishMobileNumber(String raw) {
    assertThat(PhoneNumber.parse(raw, NumberingPlan.SWEDEN))
        .isEqualTo(PhoneNumber.ofE164("+46701234567"));
  }

  @ParameterizedTest(name = "{0} in plan +{1} is {2}")
  @CsvSource({
    "011 44 20 7946 0958, 1, +442079460958",
    "1 (212) 555-0100, 1, +12125550100",
    "06 6982 1234, 39, +390669821234",
    "22 33 44 55, 47, +4722334455",
    "0044 20 7946 0958, 46, +442079460958",
    "08-123 456 78, 46, +46812345678"
  })
  void usesTheTenantsNumberingPlanForNumbersWithoutCountryCode(
      String raw, String countryCode, String expected) {
    assertThat(PhoneNumber.parse(raw, NumberingPlan.forCountryCode(countryCode)).e164())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' is rejected")
  @ValueSource(
      strings = {
        "",
        "   ",
        "anonymous",
        "sip:anonymous@anonymous.invalid",
        "sip:alice@example.com",
        "1234",
        "201",
        "+46 70 12",
        "+4670123456789012",
        "+046701234567",
        "070-123 45 67#",
        "*31#0701234567",
        "0701234567,1",
        "sip:pbx.example.com",
        "sip:%2@host",
        "<sip:+46701234567@pbx.example.com",
        "tel:",
        "+"
      })
  void rejectsWhatIsNotAFullPhoneNumber(String raw) {
    assertThatThrownBy(() -> PhoneNumber.parse(raw, NumberingPlan.SWEDEN))
        .isInstanceOf(InvalidPhoneNumberException.class)
        .hasMessageContaining("is not a phone number");
  }

  @Test
  void explainsWhyANumberIsRejected() {
    assertThatThrownBy(() -> PhoneNumber.parse("201", NumberingPlan.SWEDEN))
        .isInstanceOfSatisfying(
            InvalidPhoneNumberException.class,
            e -> {
              assertThat(e.input()).isEqualTo("201");
              assertThat(e.reason()).contains("no country code or trunk prefix");
            });
    assertThatThrownBy(() -> PhoneNumber.parse("070-ABC", NumberingPlan.SWEDEN))
        .hasMessageContaining("unexpected character 'A'");
  }

  @Test
  void rejectsOverlongInputWithoutEchoingAllOfIt() {
    String huge = "0".repeat(10_000);
    assertThatThrownBy(() -> PhoneNumber.parse(huge, NumberingPlan.SWEDEN))
        .isInstanceOf(InvalidPhoneNumberException.class)
        .hasMessageContaining("longer than 256")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void tryParseIsEmptyForWithheldNumbers() {
    assertThat(PhoneNumber.tryParse("anonymous", NumberingPlan.SWEDEN)).isEmpty();
    assertThat(PhoneNumber.tryParse("0701234567", NumberingPlan.SWEDEN))
        .contains(PhoneNumber.ofE164("+46701234567"));
  }

  @Test
  void ofE164AcceptsOnlyTheCanonicalForm() {
    assertThat(PhoneNumber.ofE164("+46701234567").toString()).isEqualTo("+46701234567");
    assertThatThrownBy(() -> PhoneNumber.ofE164("0701234567"))
        .isInstanceOf(InvalidPhoneNumberException.class);
    assertThatThrownBy(() -> PhoneNumber.ofE164("+46 70 123"))
        .isInstanceOf(InvalidPhoneNumberException.class);
  }

  @Test
  void numberingPlanAcceptsCountryCodeWithPlus() {
    assertThat(NumberingPlan.forCountryCode("+46")).isEqualTo(NumberingPlan.SWEDEN);
    assertThatThrownBy(() -> NumberingPlan.forCountryCode("0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NumberingPlan.forCountryCode("4612"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
