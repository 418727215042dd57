package se.vittne.admin.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The licence agreement a login accepts once, after its first password change, in Swedish
 * and English.
 *
 * @param version the agreement's version
 * @param swedish its text in Swedish
 * @param english its text in English
 */
public record LicenceAgreement(String version, String swedish, String english) {
  public static final String CURRENT_VERSION = "2026-1";

  public LicenceAgreement {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(swedish, "swedish");
    Objects.requireNonNull(english, "english");
  }

  /** The agreement shipped with this version of Vittne. */
  public static LicenceAgreement current() {
    return new LicenceAgreement(CURRENT_VERSION, read("licence_sv.txt"), read("licence_en.txt"));
  }

  public String text(String language) {
    return "sv".equals(language) ? swedish : english;
  }

  private static String read(String name) {
    try (InputStream in = LicenceAgreement.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
