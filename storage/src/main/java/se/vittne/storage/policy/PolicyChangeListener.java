package se.vittne.storage.policy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.storage.db.DatabaseConfig;

/**
 * Listens for applied policies on a dedicated connection (LISTEN needs one that stays open, so it
 * never comes from the pool) and calls back on its own thread, typically within milliseconds of the
 * commit. When the connection drops it reconnects with backoff and then calls {@code onReconnect}:
 * notifications sent meanwhile were lost, so the owner should reload every policy it caches.
 */
public final class PolicyChangeListener implements AutoCloseable {
  /** The channel the {@code policy_version} trigger notifies. */
  public static final String CHANNEL = "vittne_policy_applied";

  static final String APPLICATION_NAME = "vittne-policy-listener";
  private static final Logger LOG = LoggerFactory.getLogger(PolicyChangeListener.class);
  private static final int POLL_MILLIS = 250;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DatabaseConfig config;
  private final Consumer<PolicyChange> onChange;
  private final Runnable onReconnect;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  private PolicyChangeListener(
      DatabaseConfig config, Consumer<PolicyChange> onChange, Runnable onReconnect) {
    this.config = config;
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.onReconnect = Objects.requireNonNull(onReconnect, "onReconnect");
    this.thread = Thread.ofPlatform().daemon().name("policy-change-listener").unstarted(this::run);
  }

  /**
   * Connects, starts listening and returns once LISTEN is in effect, so that no change applied
   * after this returns can be missed.
   *
   * @throws SQLException when the first connection fails
   */
  public static PolicyChangeListener start(
      DatabaseConfig config, Consumer<PolicyChange> onChange, Runnable onReconnect)
      throws SQLException {
    PolicyChangeListener listener = new PolicyChangeListener(config, onChange, onReconnect);
    listener.connection = listener.connect();
    listener.thread.start();
    return listener;
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", config.user());
    props.setProperty("password", config.password());
    props.setProperty("ApplicationName", APPLICATION_NAME);
    props.setProperty("tcpKeepAlive", "true");
    Connection c = DriverManager.getConnection(config.jdbcUrl(), props);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void run() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        if (connection == null) {
          connection = connect();
          backoff = Duration.ofMillis(100);
          LOG.info("policy listener reconnected");
          onReconnect.run();
        }
        receive(connection);
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        LOG.warn("policy listener lost its connection; retrying in {}", backoff, e);
        closeQuietly();
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void receive(Connection c) throws SQLException {
    PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
    if (notifications == null) {
      return;
    }
    for (PGNotification n : notifications) {
      try {
        onChange.accept(PolicyChange.parse(n.getParameter()));
      } catch (RuntimeException e) {
        LOG.error("a policy change callback failed for '{}'", n.getParameter(), e);
      }
    }
  }

  private void closeQuietly() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing a broken listener connection failed", e);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }
}
