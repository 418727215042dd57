package se.vittne.admin.mail;

import java.util.Objects;

/**
 * One plain-text message.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the text, UTF-8
 */
public record Mail(String to, String subject, String body) {
  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a subject is one line");
    }
  }
}
