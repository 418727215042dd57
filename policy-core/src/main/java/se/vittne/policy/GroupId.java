package se.vittne.policy;

/** An answer group (ACD or hunt group) of the tenant's directory, by its stable key. */
public record GroupId(String value) {
  public GroupId {
    value = Keys.requireKey(value, "answer group");
  }

  @Override
  public String toString() {
    return value;
  }
}
