package se.vittne.admin.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers mail over SMTP (Jakarta Mail on Eclipse Angus) from a small pool of background threads
 * with a bounded queue. What cannot be delivered is logged (without the body: it may hold a
 * password) and counted in {@code vittne.admin.mail} with outcome "failed" or "rejected".
 */
public final class SmtpMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
  private static final int THREADS = 2;
  private static final int QUEUE = 10_000;

  private final Session session;
  private final InternetAddress from;
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  private final Counter sent;
  private final Counter failed;
  private final Counter rejected;

  public SmtpMailer(MailConfig config, Clock clock, MeterRegistry metrics) {
    this.session = session(config);
    this.clock = clock;
    try {
      this.from = new InternetAddress(config.from(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not a sender address: " + config.from(), e);
    }
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            Thread.ofPlatform().daemon().name("smtp-mailer-", 0).factory());
    this.sent = counter(metrics, "sent");
    this.failed = counter(metrics, "failed");
    this.rejected = counter(metrics, "rejected");
  }

  private static Counter counter(MeterRegistry metrics, String outcome) {
    return Counter.builder("vittne.admin.mail")
        .description("E-mails handed to the SMTP server, or not")
        .tag("outcome", outcome)
        .register(metrics);
  }

  private static Session session(MailConfig config) {
    Properties p = new Properties();
    String protocol = config.security() == MailConfig.Security.TLS ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    p.setProperty("mail.transport.protocol", protocol);
    p.setProperty(prefix + "host", config.host());
    p.setProperty(prefix + "port", Integer.toString(config.port()));
    String millis = Long.toString(config.timeout().toMillis());
    p.setProperty(prefix + "connectiontimeout", millis);
    p.setProperty(prefix + "timeout", millis);
    p.setProperty(prefix + "writetimeout", millis);
    if (config.security() == MailConfig.Security.STARTTLS) {
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (config.security() != MailConfig.Security.NONE) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    Authenticator authenticator = null;
    if (config.username().isPresent()) {
      p.setProperty(prefix + "auth", "true");
      String user = config.username().get();
      String password = config.password().orElse("");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    return Session.getInstance(p, authenticator);
  }

  @Override
  public void send(Mail mail) {
    try {
      executor.execute(() -> deliver(mail));
    } catch (RejectedExecutionException e) {
      rejected.increment();
      LOG.error("mail queue full or closed; dropped a mail to {}", mail.to());
    }
  }

  private void deliver(Mail mail) {
    try {
      Transport.send(MimeMessages.of(session, from, mail, clock.instant()));
      sent.increment();
    } catch (MessagingException | RuntimeException e) {
      failed.increment();
      LOG.error("could not send a mail to {}: {}", mail.to(), e.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("{} mails not sent at shutdown", executor.shutdownNow().size());
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
