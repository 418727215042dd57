package se.vittne.capture.sip.trunk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication on the server side (RFC 3261 section 22.4 with RFC 7616's MD5 and
 * {@code qop=auth}). Nonces are stateless: a timestamp and an HMAC over it with a key made at
 * start, so any nonce this server did not make in the last {@code nonceLifetime} is refused, and an
 * expired one is answered with a fresh challenge marked {@code stale}.
 */
public final class DigestAuthenticator {
  /** How a presented Authorization compares with the expected credentials. */
  public enum Verdict {
    VALID,
    STALE,
    INVALID
  }

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration nonceLifetime;

  public DigestAuthenticator(Clock clock, Duration nonceLifetime) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
    this.nonceLifetime = nonceLifetime;
  }

  /** A WWW-Authenticate value for a 401 response. */
  public String challenge(String realm, boolean stale) {
    return "Digest realm=\""
        + realm
        + "\", nonce=\""
        + nonce(clock.millis())
        + "\", algorithm=MD5, qop=\"auth\""
        + (stale ? ", stale=true" : "");
  }

  /** Checks an Authorization's parameters against a trunk's credentials for a request method. */
  public Verdict verify(DigestCredentials credentials, String method, Map<String, String> params) {
    String username = params.get("username");
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    String uri = params.get("uri");
    String response = params.get("response");
    if (username == null || nonce == null || uri == null || response == null) {
      return Verdict.INVALID;
    }
    if (!username.equals(credentials.username()) || !credentials.realm().equals(realm)) {
      return Verdict.INVALID;
    }
    String algorithm = params.getOrDefault("algorithm", "MD5");
    if (!algorithm.equalsIgnoreCase("MD5")) {
      return Verdict.INVALID;
    }
    String ha2 = DigestCredentials.md5Hex(method + ":" + uri);
    String qop = params.get("qop");
    String expected;
    if (qop == null) {
      expected = DigestCredentials.md5Hex(credentials.ha1() + ":" + nonce + ":" + ha2);
    } else if (qop.equalsIgnoreCase("auth")) {
      String nc = params.getOrDefault("nc", "");
      String cnonce = params.getOrDefault("cnonce", "");
      expected =
          DigestCredentials.md5Hex(
              credentials.ha1() + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    } else {
      return Verdict.INVALID;
    }
    boolean matches =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      return Verdict.INVALID;
    }
    Optional<Long> issued = issuedAt(nonce);
    if (issued.isEmpty()) {
      return Verdict.INVALID;
    }
    long age = clock.millis() - issued.get();
    return age >= 0 && age <= nonceLifetime.toMillis() ? Verdict.VALID : Verdict.STALE;
  }

  /**
   * The parameters of a {@code Digest} Authorization value, names lower-cased, quotes removed;
   * empty when it is not a digest credential.
   */
  public static Optional<Map<String, String>> parseAuthorization(String value) {
    String trimmed = value.strip();
    if (trimmed.length() < 7 || !trimmed.substring(0, 7).equalsIgnoreCase("Digest ")) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    String rest = trimmed.substring(7);
    int i = 0;
    while (i < rest.length() && params.size() < 32) {
      while (i < rest.length()
          && (rest.charAt(i) == ',' || Character.isWhitespace(rest.charAt(i)))) {
        i++;
      }
      int eq = rest.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = rest.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
        i++;
      }
      String paramValue;
      if (i < rest.length() && rest.charAt(i) == '"') {
        int close = rest.indexOf('"', i + 1);
        if (close < 0) {
          return Optional.empty();
        }
        paramValue = rest.substring(i + 1, close);
        i = close + 1;
      } else {
        int comma = rest.indexOf(',', i);
        int end = comma < 0 ? rest.length() : comma;
        paramValue = rest.substring(i, end).strip();
        i = end;
      }
      params.putIfAbsent(name, paramValue);
    }
    return Optional.of(params);
  }

  private String nonce(long millis) {
    byte[] time = ByteBuffer.allocate(8).putLong(millis).array();
    byte[] mac = Arrays.copyOf(hmac(time), 16);
    byte[] nonce = ByteBuffer.allocate(24).put(time).put(mac).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
  }

  private Optional<Long> issuedAt(String nonce) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != 24) {
      return Optional.empty();
    }
    byte[] time = Arrays.copyOf(bytes, 8);
    byte[] mac = Arrays.copyOfRange(bytes, 8, 24);
    if (!MessageDigest.isEqual(mac, Arrays.copyOf(hmac(time), 16))) {
      return Optional.empty();
    }
    return Optional.of(ByteBuffer.wrap(time).getLong());
  }

  private byte[] hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK provides HmacSHA256", e);
    }
  }
}
