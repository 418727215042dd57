package se.vittne.admin.testing;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The mail GreenMail received, by recipient, decoded. */
public final class Mailbox {
  private final GreenMailOperations greenMail;

  Mailbox(GreenMailOperations greenMail) {
    this.greenMail = greenMail;
  }

  /**
   * A received message.
   *
   * @param to its recipient
   * @param from its sender
   * @param subject its subject
   * @param body its text, decoded
   */
  public record Mail(String to, String from, String subject, String body) {}

  /** Everything sent to {@code to} so far, in order of arrival. */
  public List<Mail> to(String to) {
    List<Mail> found = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        Address[] recipients = m.getAllRecipients();
        boolean match =
            recipients != null
                && Arrays.stream(recipients)
                    .anyMatch(a ->
                        a.toString()
                            .toLowerCase(Locale.ROOT)
                            .contains(to.toLowerCase(Locale.ROOT)));
        if (match) {
          found.add(
              new Mail(
                  to, m.getFrom()[0].toString(), m.getSubject(), String.valueOf(m.getContent())));
        }
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  /** Waits until {@code count} messages to {@code to} have arrived, and returns them. */
  public List<Mail> await(String to, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    List<Mail> mails = to(to);
    while (mails.size() < count && System.nanoTime() < deadline) {
      sleep(50);
      mails = to(to);
    }
    if (mails.size() < count) {
      throw new AssertionError(
          "expected " + count + " mails to " + to + " but got " + mails.size() + ": " + mails);
    }
    return mails;
  }

  /** Asserts that nothing more arrives for {@code to} within a while; returns what there is. */
  public List<Mail> settle(String to, Duration wait) {
    sleep(wait.toMillis());
    return to(to);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
