package se.vittne.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import se.vittne.policy.number.PhoneNumber;

/**
 * A tenant's recording policy, one immutable version of it (R-30 ... R-36). Edits produce a new
 * value; the admin API stores drafts and applied versions.
 *
 * @param tenant the company the policy belongs to
 * @param version the applied version number; 0 for a policy that was never applied
 * @param departments the department policy per direction
 * @param approvedDirectNumbers direct numbers whose calls are always recorded
 * @param groups the group policy per answer group; groups not listed are not applicable
 * @param excludedNumbers remote numbers never recorded
 * @param paused whether all recording is paused
 * @param announcement whether the PBX should announce recording
 */
public record RecordingPolicy(
    TenantId tenant,
    long version,
    DepartmentPolicy departments,
    Set<PhoneNumber> approvedDirectNumbers,
    Map<GroupId, GroupPolicy> groups,
    Set<PhoneNumber> excludedNumbers,
    boolean paused,
    Announcement announcement) {

  public RecordingPolicy {
    Objects.requireNonNull(tenant, "tenant");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    Objects.requireNonNull(departments, "departments");
    approvedDirectNumbers = Set.copyOf(approvedDirectNumbers);
    groups = withoutNotApplicable(groups);
    excludedNumbers = Set.copyOf(excludedNumbers);
    Objects.requireNonNull(announcement, "announcement");
  }

  /** The policy of a tenant that configured nothing: no call is recorded. */
  public static RecordingPolicy empty(TenantId tenant) {
    return new RecordingPolicy(
        tenant, 0, DepartmentPolicy.NONE, Set.of(), Map.of(), Set.of(), false, Announcement.NONE);
  }

  public GroupPolicy groupPolicy(GroupId group) {
    return groups.getOrDefault(group, GroupPolicy.NOT_APPLICABLE);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder(TenantId tenant) {
    return empty(tenant).toBuilder();
  }

  private static Map<GroupId, GroupPolicy> withoutNotApplicable(Map<GroupId, GroupPolicy> groups) {
    Map<GroupId, GroupPolicy> decisive = new HashMap<>();
    groups.forEach((group, policy) -> {
      if (Objects.requireNonNull(policy, "group policy") != GroupPolicy.NOT_APPLICABLE) {
        decisive.put(Objects.requireNonNull(group, "group"), policy);
      }
    });
    return Map.copyOf(decisive);
  }

  /** Edits a copy of a policy; {@link #build()} yields a new immutable version. */
  public static final class Builder {
    private final TenantId tenant;
    private long version;
    private DepartmentPolicy departments;
    private final Set<PhoneNumber> approvedDirectNumbers;
    private final Map<GroupId, GroupPolicy> groups;
    private final Set<PhoneNumber> excludedNumbers;
    private boolean paused;
    private Announcement announcement;

    private Builder(RecordingPolicy from) {
      tenant = from.tenant;
      version = from.version;
      departments = from.departments;
      approvedDirectNumbers = new HashSet<>(from.approvedDirectNumbers);
      groups = new HashMap<>(from.groups);
      excludedNumbers = new HashSet<>(from.excludedNumbers);
      paused = from.paused;
      announcement = from.announcement;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    public Builder departments(DepartmentPolicy departments) {
      this.departments = Objects.requireNonNull(departments, "departments");
      return this;
    }

    public Builder direction(Direction direction, DirectionRule rule) {
      this.departments = departments.with(direction, rule);
      return this;
    }

    public Builder approveDirectNumber(PhoneNumber number) {
      approvedDirectNumbers.add(Objects.requireNonNull(number, "number"));
      return this;
    }

    public Builder removeApprovedDirectNumber(PhoneNumber number) {
      approvedDirectNumbers.remove(number);
      return this;
    }

    public Builder group(GroupId group, GroupPolicy policy) {
      groups.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    public Builder excludeNumber(PhoneNumber number) {
      excludedNumbers.add(Objects.requireNonNull(number, "number"));
      return this;
    }

    public Builder removeExcludedNumber(PhoneNumber number) {
      excludedNumbers.remove(number);
      return this;
    }

    public Builder paused(boolean paused) {
      this.paused = paused;
      return this;
    }

    public Builder announcement(Announcement announcement) {
      this.announcement = Objects.requireNonNull(announcement, "announcement");
      return this;
    }

    public RecordingPolicy build() {
      return new RecordingPolicy(
          tenant,
          version,
          departments,
          approvedDirectNumbers,
          groups,
          excludedNumbers,
          paused,
          announcement);
    }
  }
}
