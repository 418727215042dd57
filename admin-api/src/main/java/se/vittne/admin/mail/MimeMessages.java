package se.vittne.admin.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** A {@link Mail} as the MIME message every mailer sends: plain text, UTF-8. */
final class MimeMessages {
  private MimeMessages() {}

  static MimeMessage of(Session session, InternetAddress from, Mail mail, Instant sent)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.body(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(sent));
    return message;
  }
}
