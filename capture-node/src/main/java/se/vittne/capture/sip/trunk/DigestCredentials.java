package se.vittne.capture.sip.trunk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What a trunk must prove with SIP digest authentication. Only HA1 is stored, never the password:
 * {@code HA1 = MD5(username ":" realm ":" password)} (RFC 7616 section 3.4.2), as SIP servers
 * usually keep it.
 *
 * @param username the user name the SRC presents
 * @param realm the realm the server challenges with
 * @param ha1 the hex HA1 value, lower case
 */
public record DigestCredentials(String username, String realm, String ha1) {
  public DigestCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(ha1, "ha1");
    ha1 = ha1.toLowerCase(Locale.ROOT);
    if (!ha1.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("HA1 must be 32 hex digits (MD5)");
    }
  }

  /** Computes HA1 from a password, for configuration tools and tests. */
  public static DigestCredentials fromPassword(String username, String realm, String password) {
    return new DigestCredentials(username, realm, md5Hex(username + ":" + realm + ":" + password));
  }

  static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }
}
