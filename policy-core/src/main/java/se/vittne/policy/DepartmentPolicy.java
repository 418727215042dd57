package se.vittne.policy;

import java.util.Objects;

/** The department policy: one {@link DirectionRule} per call direction. */
public record DepartmentPolicy(
    DirectionRule outgoing, DirectionRule internal, DirectionRule incoming) {
  public static final DepartmentPolicy NONE =
      new DepartmentPolicy(DirectionRule.OFF, DirectionRule.OFF, DirectionRule.OFF);

  public DepartmentPolicy {
    Objects.requireNonNull(outgoing, "outgoing");
    Objects.requireNonNull(internal, "internal");
    Objects.requireNonNull(incoming, "incoming");
  }

  public DirectionRule rule(Direction direction) {
    return switch (direction) {
      case OUTGOING -> outgoing;
      case INTERNAL -> internal;
      case INCOMING -> incoming;
    };
  }

  public DepartmentPolicy with(Direction direction, DirectionRule rule) {
    return switch (direction) {
      case OUTGOING -> new DepartmentPolicy(rule, internal, incoming);
      case INTERNAL -> new DepartmentPolicy(outgoing, rule, incoming);
      case INCOMING -> new DepartmentPolicy(outgoing, internal, rule);
    };
  }
}
