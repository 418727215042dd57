package se.vittne.admin.mail;

/**
 * Sends e-mail without making the caller wait: {@link #send} queues the message and returns at
 * once, so that no response time depends on the mail server (nor reveals whether a mail was sent).
 * Delivery failures are logged and counted, never thrown at the caller.
 */
public interface Mailer extends AutoCloseable {
  void send(Mail mail);

  /** Delivers what is queued (waiting a bounded time) and stops. */
  @Override
  void close();
}
