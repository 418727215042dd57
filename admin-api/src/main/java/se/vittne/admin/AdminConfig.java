package se.vittne.admin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vittne.admin.auth.AuthSettings;
import se.vittne.admin.auth.LoginThrottle;
import se.vittne.admin.server.Cidr;
import se.vittne.admin.server.ServerConfig;
import se.vittne.admin.server.TrustedProxies;
import se.vittne.storage.jobs.StorageJobs;

/**
 * The admin process's settings. Build with {@link #builder()}; every setting has a default fit for
 * production except the public URL.
 *
 * @param host the address to listen on
 * @param port the port (0: any free one)
 * @param publicUrl where users reach the web app (links in e-mails); https:// makes cookies Secure
 * @param maxRequestBytes the largest request body accepted
 * @param trustedProxies networks of TLS proxies whose X-Forwarded-For/-Proto are believed
 * @param sessionIdleTimeout a session ends this long after its last request
 * @param keepLoggedInFor the same, with "keep me logged in"
 * @param passwordMaxAge R-22: 100 days
 * @param passwordHistory R-22: the last 10
 * @param resetLinkValidity R-23: how long a reset link works
 * @param minimumLoginResponse login and reset requests never answer sooner than this
 * @param throttle login and reset request limits
 * @param initialOperatorEmail when set and there is no operator yet, one is created and invited
 * @param storageJobs how often this process runs retention and deletion; empty: not
 *     here (another node runs them)
 */
public record AdminConfig(
    String host,
    int port,
    URI publicUrl,
    long maxRequestBytes,
    List<String> trustedProxies,
    Duration sessionIdleTimeout,
    Duration keepLoggedInFor,
    Duration passwordMaxAge,
    int passwordHistory,
    Duration resetLinkValidity,
    Duration minimumLoginResponse,
    LoginThrottle.Limits throttle,
    Optional<String> initialOperatorEmail,
    Optional<StorageJobs.Intervals> storageJobs) {
  public AdminConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(publicUrl, "publicUrl");
    trustedProxies = List.copyOf(trustedProxies);
    trustedProxies.forEach(Cidr::parse);
    Objects.requireNonNull(initialOperatorEmail, "initialOperatorEmail");
    Objects.requireNonNull(storageJobs, "storageJobs");
    // fail at construction, not at start, on a setting the server or authentication refuses
    new ServerConfig(host, port, maxRequestBytes, new TrustedProxies(List.of(), false));
    new AuthSettings(
        publicUrl,
        sessionIdleTimeout,
        keepLoggedInFor,
        passwordMaxAge,
        passwordHistory,
        resetLinkValidity,
        minimumLoginResponse,
        throttle);
  }

  public ServerConfig server() {
    return new ServerConfig(
        host,
        port,
        maxRequestBytes,
        new TrustedProxies(
            trustedProxies.stream().map(Cidr::parse).toList(),
            "https".equalsIgnoreCase(publicUrl.getScheme())));
  }

  public AuthSettings auth() {
    return new AuthSettings(
        publicUrl,
        sessionIdleTimeout,
        keepLoggedInFor,
        passwordMaxAge,
        passwordHistory,
        resetLinkValidity,
        minimumLoginResponse,
        throttle);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .publicUrl(publicUrl)
        .maxRequestBytes(maxRequestBytes)
        .trustedProxies(trustedProxies)
        .sessionIdleTimeout(sessionIdleTimeout)
        .keepLoggedInFor(keepLoggedInFor)
        .passwordMaxAge(passwordMaxAge)
        .passwordHistory(passwordHistory)
        .resetLinkValidity(resetLinkValidity)
        .minimumLoginResponse(minimumLoginResponse)
        .throttle(throttle)
        .initialOperatorEmail(initialOperatorEmail.orElse(null))
        .storageJobs(storageJobs.orElse(null));
  }

  /** Builds a configuration from the defaults. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private URI publicUrl = URI.create("http://localhost:8080");
    private long maxRequestBytes = 4L * 1024 * 1024;
    private List<String> trustedProxies = List.of();
    private Duration sessionIdleTimeout = Duration.ofMinutes(60);
    private Duration keepLoggedInFor = Duration.ofDays(30);
    private Duration passwordMaxAge = Duration.ofDays(100);
    private int passwordHistory = 10;
    private Duration resetLinkValidity = Duration.ofMinutes(60);
    private Duration minimumLoginResponse = Duration.ofMillis(300);
    private LoginThrottle.Limits throttle = LoginThrottle.Limits.DEFAULT;
    private String initialOperatorEmail;
    private StorageJobs.Intervals storageJobs = StorageJobs.Intervals.PRODUCTION;

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder publicUrl(URI publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    public Builder maxRequestBytes(long maxRequestBytes) {
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    public Builder trustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
      return this;
    }

    public Builder sessionIdleTimeout(Duration sessionIdleTimeout) {
      this.sessionIdleTimeout = sessionIdleTimeout;
      return this;
    }

    public Builder keepLoggedInFor(Duration keepLoggedInFor) {
      this.keepLoggedInFor = keepLoggedInFor;
      return this;
    }

    public Builder passwordMaxAge(Duration passwordMaxAge) {
      this.passwordMaxAge = passwordMaxAge;
      return this;
    }

    public Builder passwordHistory(int passwordHistory) {
      this.passwordHistory = passwordHistory;
      return this;
    }

    public Builder resetLinkValidity(Duration resetLinkValidity) {
      this.resetLinkValidity = resetLinkValidity;
      return this;
    }

    public Builder minimumLoginResponse(Duration minimumLoginResponse) {
      this.minimumLoginResponse = minimumLoginResponse;
      return this;
    }

    public Builder throttle(LoginThrottle.Limits throttle) {
      this.throttle = throttle;
      return this;
    }

    public Builder initialOperatorEmail(String initialOperatorEmail) {
      this.initialOperatorEmail = initialOperatorEmail;
      return this;
    }

    /** How often this process runs retention and deletion; null: not here. */
    public Builder storageJobs(StorageJobs.Intervals storageJobs) {
      this.storageJobs = storageJobs;
      return this;
    }

    public AdminConfig build() {
      return new AdminConfig(
          host,
          port,
          publicUrl,
          maxRequestBytes,
          trustedProxies,
          sessionIdleTimeout,
          keepLoggedInFor,
          passwordMaxAge,
          passwordHistory,
          resetLinkValidity,
          minimumLoginResponse,
          throttle,
          Optional.ofNullable(initialOperatorEmail).filter(e -> !e.isBlank()),
          Optional.ofNullable(storageJobs));
    }
  }
}
