package se.vittne.admin.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server.
 *
 * @param host its host name
 * @param port its port (25, 465 or 587 usually)
 * @param security plain, STARTTLS, or TLS from the first byte
 * @param username the login, if the server needs one
 * @param password its password
 * @param from the sender address, e.g. "Vittne <no-reply@example.com>"
 * @param timeout connect, read and write timeout
 */
public record MailConfig(
    String host,
    int port,
    Security security,
    Optional<String> username,
    Optional<String> password,
    String from,
    Duration timeout) {
  /** How the connection to the SMTP server is protected. */
  public enum Security {
    NONE,
    STARTTLS,
    TLS
  }

  public MailConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535");
    }
  }

  /** A server without TLS or login, e.g. a local relay or a test server. */
  public static MailConfig plain(String host, int port, String from) {
    return new MailConfig(
        host,
        port,
        Security.NONE,
        Optional.empty(),
        Optional.empty(),
        from,
        Duration.ofSeconds(20));
  }

  @Override
  public String toString() {
    return "MailConfig[" + host + ":" + port + ", " + security + ", from=" + from + "]";
  }
}
