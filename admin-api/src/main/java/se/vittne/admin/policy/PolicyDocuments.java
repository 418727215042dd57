package se.vittne.admin.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import se.vittne.admin.policy.PolicyViews.DepartmentPolicyView;
import se.vittne.admin.policy.PolicyViews.DirectionView;
import se.vittne.admin.policy.PolicyViews.PolicyDocument;
import se.vittne.admin.server.Checks;
import se.vittne.policy.Announcement;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.DepartmentPolicy;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.InvalidPhoneNumberException;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Reads what a super user writes into policy values, checked against the tenant's own directory:
 * departments and answer groups by key, approved numbers among the tenant's direct numbers, every
 * number normalised with the tenant's numbering plan. Errors are collected per field.
 */
final class PolicyDocuments {
  private final DSLContext dsl;

  PolicyDocuments(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Reads a whole document into a policy, collecting every error. */
  RecordingPolicy read(
      Checks checks, TenantId tenant, RecordingPolicy base, PolicyDocument document) {
    DepartmentPolicyView d = document.departments();
    RecordingPolicy.Builder result = RecordingPolicy.builder(tenant).version(base.version());
    if (d == null) {
      checks.add("departments", "required", "departments is required.");
    } else {
      result.departments(
          new DepartmentPolicy(
              rule(checks, tenant, "departments.outgoing.", d.outgoing()),
              rule(checks, tenant, "departments.internal.", d.internal()),
              rule(checks, tenant, "departments.incoming.", d.incoming())));
    }
    result.paused(document.paused());
    result.announcement(
        document.announcement() == null ? Announcement.NONE : document.announcement());
    List<String> approved = orEmpty(document.approvedDirectNumbers());
    for (int i = 0; i < approved.size(); i++) {
      PhoneNumber n =
          directNumber(checks, tenant, "approvedDirectNumbers[" + i + "]", approved.get(i));
      if (n != null) {
        result.approveDirectNumber(n);
      }
    }
    Map<String, GroupPolicy> groups = document.groups() == null ? Map.of() : document.groups();
    groups.forEach((key, value) -> {
      GroupId id = groupKey(checks, tenant, "groups." + key, key);
      if (value == null) {
        checks.add("groups." + key, "required", "Give the group a policy.");
      } else if (id != null) {
        result.group(id, value);
      }
    });
    List<String> excluded = orEmpty(document.excludedNumbers());
    NumberingPlan plan = plan(tenant);
    for (int i = 0; i < excluded.size(); i++) {
      PhoneNumber n = number(checks, plan, "excludedNumbers[" + i + "]", excluded.get(i));
      if (n != null) {
        result.excludeNumber(n);
      }
    }
    return result.build();
  }

  DirectionRule rule(Checks checks, TenantId tenant, String prefix, DirectionView view) {
    if (view == null) {
      checks.add(
          prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
          "required",
          "Give the rule for this direction.");
      return DirectionRule.OFF;
    }
    OrganisationRepository org = new OrganisationRepository(dsl);
    Set<DepartmentId> departments = new HashSet<>();
    List<String> keys = orEmpty(view.departments());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String field = prefix + "departments[" + i + "]";
      if (key == null || key.isBlank() || key.length() > 200) {
        checks.add(field, "unknown", "No such department.");
      } else if (org.departmentByKey(tenant, new DepartmentId(key)).isEmpty()) {
        checks.add(field, "unknown", "No department has the key '" + key + "'.");
      } else {
        departments.add(new DepartmentId(key));
      }
    }
    return new DirectionRule(view.enabled(), departments, view.withoutDepartment());
  }

  GroupId groupKey(Checks checks, TenantId tenant, String field, String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      checks.add(field, "required", "Name the answer group by its key.");
      return null;
    }
    GroupId id = new GroupId(key);
    if (new NumberRepository(dsl).groupByKey(tenant, id).isEmpty()) {
      checks.add(field, "unknown", "No answer group has the key '" + key + "'.");
      return null;
    }
    return id;
  }

  PhoneNumber directNumber(Checks checks, TenantId tenant, String field, String raw) {
    PhoneNumber n = number(checks, plan(tenant), field, raw);
    if (n != null && new NumberRepository(dsl).directNumber(tenant, n).isEmpty()) {
      checks.add(
          field, "not-a-direct-number", n.e164() + " is not one of the tenant's direct numbers.");
      return null;
    }
    return n;
  }

  static PhoneNumber number(Checks checks, NumberingPlan plan, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      checks.add(field, "required", "A number is required.");
      return null;
    }
    try {
      return PhoneNumber.parse(raw, plan);
    } catch (InvalidPhoneNumberException e) {
      checks.add(field, "not-a-number", "Not a phone number: " + e.reason() + ".");
      return null;
    }
  }

  NumberingPlan plan(TenantId tenant) {
    return new TenantRepository(dsl)
        .find(tenant)
        .map(TenantSettings::numberingPlan)
        .orElse(NumberingPlan.SWEDEN);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
