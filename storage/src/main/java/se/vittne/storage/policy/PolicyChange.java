package se.vittne.storage.policy;

import se.vittne.policy.TenantId;

/** A tenant applied a new policy version. */
public record PolicyChange(TenantId tenant, long version) {
  /** Parses the payload the database trigger sends: "{tenant} {version}". */
  static PolicyChange parse(String payload) {
    int space = payload.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("not a policy change: " + payload);
    }
    return new PolicyChange(
        TenantId.of(payload.substring(0, space)), Long.parseLong(payload.substring(space + 1)));
  }
}
