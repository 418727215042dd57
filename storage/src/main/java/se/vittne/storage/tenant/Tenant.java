package se.vittne.storage.tenant;

import java.util.Objects;
import se.vittne.policy.TenantId;

/** A tenant and its settings, as operators list them. */
public record Tenant(TenantId id, TenantSettings settings) {
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
  }
}
