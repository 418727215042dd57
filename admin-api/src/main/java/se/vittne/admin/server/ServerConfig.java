package se.vittne.admin.server;

import java.util.Objects;

/**
 * How the HTTP server listens.
 *
 * @param host the address to bind, e.g. "0.0.0.0" or "127.0.0.1"
 * @param port the port; 0 picks a free one (tests)
 * @param maxRequestBytes the largest request body accepted (413 beyond)
 * @param proxies the TLS proxies whose forwarding headers are believed
 */
public record ServerConfig(String host, int port, long maxRequestBytes, TrustedProxies proxies) {
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(proxies, "proxies");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("the request size limit must be at least 1 KiB");
    }
  }
}
