package se.vittne.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string of the web app in both languages, and every key a page names in the bundles. */
class TextTest {
  private static final Pattern LITERAL_KEY =
      Pattern.compile("\\bt\\(\"([a-zA-Z0-9.\\-]*[a-zA-Z0-9])\"\\s*[,)]");

  private static Set<String> keys(String file) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = TextTest.class.getResourceAsStream(file);
        var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void swedishAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> swedish = keys("messages_sv.properties");
    Set<String> english = keys("messages.properties");
    assertThat(swedish).hasSizeGreaterThan(300).isEqualTo(english);
  }

  @Test
  void everyKeyATemplateOrPageNamesExistsInBothLanguages() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Path root :
        new Path[] {Path.of("src/main/jte"), Path.of("src/main/java/se/vittne/admin/web")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Matcher m = LITERAL_KEY.matcher(Files.readString(file));
          while (m.find()) {
            named.add(m.group(1));
          }
        }
      }
    }
    assertThat(named).hasSizeGreaterThan(200);
    assertThat(keys("messages_sv.properties")).containsAll(named);
    assertThat(keys("messages.properties")).containsAll(named);
  }

  @Test
  void wordsAreSwedishOrEnglishAndArgumentsAreFilledIn() {
    assertThat(Text.of("sv").get("nav.recordings")).isEqualTo("Samtalsinspelningar");
    assertThat(Text.of("en").get("nav.recordings")).isEqualTo("Recordings");
    assertThat(Text.of("en").get("list.count", 3)).isEqualTo("3 recordings.");
    assertThat(Text.of("sv").get("no.such.key")).isEqualTo("[no.such.key]");
  }

  @Test
  void theBrowsersLanguageDecidesUntilOneIsChosen() {
    assertThat(Languages.fromBrowser("en-US,en;q=0.9")).isEqualTo("en");
    assertThat(Languages.fromBrowser("sv-SE,sv;q=0.9,en;q=0.8")).isEqualTo("sv");
    assertThat(Languages.fromBrowser("de-DE,en;q=0.5")).isEqualTo("en");
    assertThat(Languages.fromBrowser("de-DE")).isEqualTo("sv");
    assertThat(Languages.fromBrowser(null)).isEqualTo("sv");
    assertThat(Languages.fromBrowser(";;;")).isEqualTo("sv");
  }
}
