package se.vittne.storage.audio;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import se.vittne.policy.TenantId;

/**
 * The name of an object in the audio store: slash-separated segments of letters, digits, dots,
 * dashes and underscores, never "." or "..", so it is a safe relative path and a safe S3 key. Keys
 * fan out by tenant and date: {@code <tenant>/<yyyy>/<MM>/<dd>/<recording>.wav}.
 */
public record StoreKey(String value) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  public StoreKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 500) {
      throw new IllegalArgumentException("a store key has 1 to 500 characters");
    }
    for (String segment : value.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        throw new IllegalArgumentException("not a safe store key: " + value);
      }
    }
  }

  /** The key of a recording's WAV file, under its tenant and its (local) start date. */
  public static StoreKey forRecording(TenantId tenant, LocalDate date, UUID recording) {
    return new StoreKey(
        "%s/%04d/%02d/%02d/%s.wav"
            .formatted(
                tenant, date.getYear(), date.getMonthValue(), date.getDayOfMonth(), recording));
  }

  /** The prefix under which all of a tenant's audio lies, for listing. */
  public static String tenantPrefix(TenantId tenant) {
    return tenant + "/";
  }

  @Override
  public String toString() {
    return value;
  }
}
