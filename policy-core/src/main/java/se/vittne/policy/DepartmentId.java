package se.vittne.policy;

/** A department of the tenant's directory, by its stable key. */
public record DepartmentId(String value) {
  public DepartmentId {
    value = Keys.requireKey(value, "department");
  }

  @Override
  public String toString() {
    return value;
  }
}
