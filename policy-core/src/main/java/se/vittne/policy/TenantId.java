package se.vittne.policy;

import java.util.Objects;
import java.util.UUID;

/** The company a call, a policy or a recording belongs to. */
public record TenantId(UUID value) {
  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  public static TenantId of(String uuid) {
    return new TenantId(UUID.fromString(uuid));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
