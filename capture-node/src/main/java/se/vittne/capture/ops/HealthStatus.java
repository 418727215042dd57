package se.vittne.capture.ops;

import java.util.Objects;

/**
 * The result of one health check.
 *
 * @param name what was checked, e.g. {@code spool-disk}
 * @param healthy whether the node may take new calls as far as this check is concerned
 * @param detail a short explanation for operators, never a secret
 */
public record HealthStatus(String name, boolean healthy, String detail) {
  public HealthStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  public static HealthStatus up(String name, String detail) {
    return new HealthStatus(name, true, detail);
  }

  public static HealthStatus down(String name, String detail) {
    return new HealthStatus(name, false, detail);
  }
}
