package se.vittne.policy;

import java.util.Objects;
import java.util.Set;

/**
 * One switch of the department policy: whether calls of one direction are recorded, and for
 * which departments.
 *
 * @param enabled the switch ("record outgoing calls", ...)
 * @param departments the departments selected for this direction
 * @param withoutDepartment whether users with no department are selected too ("Undefined")
 */
public record DirectionRule(
    boolean enabled, Set<DepartmentId> departments, boolean withoutDepartment) {
  public static final DirectionRule OFF = new DirectionRule(false, Set.of(), false);

  public DirectionRule {
    departments = Set.copyOf(Objects.requireNonNull(departments, "departments"));
  }

  public static DirectionRule on(Set<DepartmentId> departments) {
    return new DirectionRule(true, departments, false);
  }

  /** Whether a party of this department is recorded under this rule. */
  public boolean selects(RecordedParty party) {
    if (!enabled) {
      return false;
    }
    return party.department().map(departments::contains).orElse(withoutDepartment);
  }
}
