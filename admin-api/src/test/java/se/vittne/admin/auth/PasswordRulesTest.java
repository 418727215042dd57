package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vittne.admin.server.FieldError;

/** at least 8 characters, lower and upper case, a digit and a special character. */
class PasswordRulesTest {
  @ParameterizedTest(name = "''{0}'' breaks: {1}")
  @CsvSource({
    "Aa1!aaaa,            ''",
    "Åäö-Ö12x,            ''",
    "Aa1!aaa,             too-short",
    "aaaaaaa1!,           no-upper-case",
    "AAAAAAA1!,           no-lower-case",
    "Aaaaaaaa!,           no-digit",
    "Aaaaaaaa1,           no-special",
    "'Aa1 aaaa',          ''",
  })
  void eachRuleHasItsCode(String password, String broken) {
    assertThat(PasswordRules.violations("p", password))
        .extracting(FieldError::code)
        .containsExactlyElementsOf(broken.isEmpty() ? Set.of() : Set.of(broken));
  }

  @Test
  void aPasswordHasAtMost128Characters() {
    assertThat(PasswordRules.violations("p", "Aa1!" + "a".repeat(125)))
        .extracting(FieldError::code)
        .containsExactly("too-long");
  }

  @Test
  void temporaryPasswordsFollowTheRulesAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String temporary = PasswordRules.temporary();
      assertThat(temporary).hasSize(16).doesNotContainAnyWhitespaces();
      assertThat(PasswordRules.violations("p", temporary)).isEmpty();
      assertThat(temporary).doesNotContain("0", "O", "1", "l", "I");
      seen.add(temporary);
    }
    assertThat(seen).hasSize(200);
  }
}
