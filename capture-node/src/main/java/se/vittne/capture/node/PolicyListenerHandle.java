package se.vittne.capture.node;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.directory.PolicyCache;
import se.vittne.storage.db.DatabaseConfig;
import se.vittne.storage.policy.PolicyChangeListener;

/**
 * The LISTEN connection that tells the policy cache of newly applied versions. When the database is
 * down at start the node still starts; the cache's refresh interval covers until a restart.
 */
final class PolicyListenerHandle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PolicyListenerHandle.class);

  private final PolicyChangeListener listener;

  private PolicyListenerHandle(PolicyChangeListener listener) {
    this.listener = listener;
  }

  static PolicyListenerHandle start(DatabaseConfig config, PolicyCache policies) {
    try {
      return new PolicyListenerHandle(
          PolicyChangeListener.start(config, policies::changed, policies::invalidateAll));
    } catch (SQLException e) {
      log.warn("policy change notifications unavailable, policies are re-read periodically", e);
      return new PolicyListenerHandle(null);
    }
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
  }
}
