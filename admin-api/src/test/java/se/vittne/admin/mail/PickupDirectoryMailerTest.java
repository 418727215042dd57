package se.vittne.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupDirectoryMailerTest {
  @TempDir Path pickup;

  @Test
  void writesEachMailAsAnRfc5322FileAMailClientCanOpen() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
    PickupDirectoryMailer mailer =
        new PickupDirectoryMailer(pickup, "vittne@demo.vittne.se", clock);

    mailer.send(new Mail("anna@demo.vittne.se", "Ditt lösenord", "Tillfälligt lösenord: Åäö-123!"));
    mailer.send(new Mail("pelle@demo.vittne.se", "Länk", "https://example/recording"));

    List<Path> files;
    try (Stream<Path> list = Files.list(pickup)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSize(2).allMatch(f -> f.toString().endsWith(".eml"));
    MimeMessage first;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      first = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(first.getSubject()).isEqualTo("Ditt lösenord");
    assertThat(first.getFrom()[0].toString()).isEqualTo("vittne@demo.vittne.se");
    assertThat(first.getAllRecipients()[0].toString()).isEqualTo("anna@demo.vittne.se");
    assertThat(first.getContent().toString()).contains("Åäö-123!");
    assertThat(first.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
  }
}
