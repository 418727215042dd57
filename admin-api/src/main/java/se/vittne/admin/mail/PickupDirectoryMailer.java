package se.vittne.admin.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 5322 {@code .eml} file into a directory instead of sending it — a
 * pickup directory as some MTAs read, and what {@code vittne demo} uses so that a machine without a
 * mail server still shows every invitation, password and shared link. Files appear atomically.
 */
public final class PickupDirectoryMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(PickupDirectoryMailer.class);

  private final Path directory;
  private final InternetAddress from;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());
  private final AtomicLong sequence = new AtomicLong();

  public PickupDirectoryMailer(Path directory, String from, Clock clock) throws IOException {
    this.directory = Files.createDirectories(directory);
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a sender address: " + from, e);
    }
    this.clock = clock;
  }

  @Override
  public void send(Mail mail) {
    String name = "%d-%04d.eml".formatted(clock.millis(), sequence.incrementAndGet());
    Path temporary = directory.resolve("." + name + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        MimeMessages.of(session, from, mail, clock.instant()).writeTo(out);
      }
      Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      LOG.info("mail to {} written to {}", mail.to(), directory.resolve(name));
    } catch (IOException | MessagingException e) {
      LOG.error("could not write a mail to {}: {}", mail.to(), e.toString());
    }
  }

  @Override
  public void close() {}
}
