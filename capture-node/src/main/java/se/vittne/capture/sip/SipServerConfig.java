package se.vittne.capture.sip;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.vittne.capture.sip.siprec.MetadataLimits;

/**
 * How the SIP server listens and what it accepts.
 *
 * @param bindAddress the local address to listen on
 * @param advertisedAddress the address to put in Contact and in SDP answers where the media engine
 *     bound a wildcard address; defaults to the bind address (or the host's address for a wildcard
 *     bind)
 * @param port the UDP and TCP port; 0 picks a port that is free for both
 * @param transports UDP and/or TCP
 * @param tls a TLS listener, if wanted
 * @param limits sizes and counts accepted
 * @param sessionTimers session timer (RFC 4028) settings
 * @param userAgent the Server and User-Agent value
 */
public record SipServerConfig(
    InetAddress bindAddress,
    Optional<InetAddress> advertisedAddress,
    int port,
    Set<SipTransport> transports,
    Optional<Tls> tls,
    Limits limits,
    SessionTimers sessionTimers,
    String userAgent) {
  public SipServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(advertisedAddress, "advertisedAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    transports = Set.copyOf(transports);
    if (transports.contains(SipTransport.TLS)) {
      throw new IllegalArgumentException("TLS is configured through tls, not transports");
    }
    if (transports.isEmpty() && tls.isEmpty()) {
      throw new IllegalArgumentException("no transport to listen on");
    }
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(sessionTimers, "sessionTimers");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** UDP and TCP on an address and port, default limits and timers, no TLS. */
  public static SipServerConfig of(InetAddress bindAddress, int port) {
    return new SipServerConfig(
        bindAddress,
        Optional.empty(),
        port,
        EnumSet.of(SipTransport.UDP, SipTransport.TCP),
        Optional.empty(),
        Limits.DEFAULT,
        SessionTimers.DEFAULT,
        "Vittne");
  }

  public SipServerConfig withTls(Tls tls) {
    return new SipServerConfig(
        bindAddress,
        advertisedAddress,
        port,
        transports,
        Optional.of(tls),
        limits,
        sessionTimers,
        userAgent);
  }

  public SipServerConfig withLimits(Limits limits) {
    return new SipServerConfig(
        bindAddress, advertisedAddress, port, transports, tls, limits, sessionTimers, userAgent);
  }

  public SipServerConfig withSessionTimers(SessionTimers timers) {
    return new SipServerConfig(
        bindAddress, advertisedAddress, port, transports, tls, limits, timers, userAgent);
  }

  /**
   * A TLS listener (SIPS over TCP, RFC 3261 section 26.2).
   *
   * @param port the TLS port; 0 picks a free one
   * @param keyStore the server's key and certificate
   * @param keyStorePassword its password
   * @param keyStoreType e.g. {@code PKCS12}
   * @param trustStore the CAs whose client certificates are accepted, when clients authenticate
   * @param trustStorePassword its password
   * @param clientAuth whether clients must present a certificate
   */
  public record Tls(
      int port,
      Path keyStore,
      String keyStorePassword,
      String keyStoreType,
      Optional<Path> trustStore,
      Optional<String> trustStorePassword,
      ClientAuth clientAuth) {
    public Tls {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(keyStorePassword, "keyStorePassword");
      Objects.requireNonNull(keyStoreType, "keyStoreType");
      Objects.requireNonNull(trustStore, "trustStore");
      Objects.requireNonNull(trustStorePassword, "trustStorePassword");
      Objects.requireNonNull(clientAuth, "clientAuth");
    }
  }

  /** Whether TLS clients must present a certificate. */
  public enum ClientAuth {
    NONE,
    WANT,
    NEED
  }

  /**
   * Bounds on what the server accepts.
   *
   * @param maxMessageBytes the largest SIP message (headers and body)
   * @param maxBodyParts the most parts in a multipart body
   * @param maxStreams the most media sections in an offer
   * @param metadata bounds on metadata documents
   * @param maxSessions the most concurrent sessions before new offers get 503
   */
  public record Limits(
      int maxMessageBytes,
      int maxBodyParts,
      int maxStreams,
      MetadataLimits metadata,
      int maxSessions) {
    public static final Limits DEFAULT =
        new Limits(64 * 1024, 8, 8, MetadataLimits.DEFAULT, 10_000);

    public Limits {
      if (maxMessageBytes < 1024 || maxBodyParts < 2 || maxStreams < 1 || maxSessions < 1) {
        throw new IllegalArgumentException("limits too small");
      }
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /**
   * Session timers (RFC 4028). The server never asks to be the refresher; it follows the SRC's
   * choice.
   *
   * @param enabled whether Session-Expires is honoured and offered
   * @param sessionExpires the interval offered when the SRC supports timers but asks none
   * @param minSe the shortest interval accepted; shorter requests get 422
   */
  public record SessionTimers(boolean enabled, Duration sessionExpires, Duration minSe) {
    public static final SessionTimers DEFAULT =
        new SessionTimers(true, Duration.ofSeconds(1800), Duration.ofSeconds(90));

    public SessionTimers {
      Objects.requireNonNull(sessionExpires, "sessionExpires");
      Objects.requireNonNull(minSe, "minSe");
      if (minSe.toSeconds() < 1 || sessionExpires.compareTo(minSe) < 0) {
        throw new IllegalArgumentException("session expiry must be at least Min-SE");
      }
    }
  }
}
