package se.vittne.storage.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.vittne.policy.Announcement;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.DepartmentPolicy;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;

/**
 * The stored form of a {@link RecordingPolicy}: our own small JSON schema, so that refactoring
 * policy-core's classes never breaks stored versions. Lists are sorted, so equal policies give
 * equal documents. The tenant and the version number live in the row, not in the document.
 */
final class PolicyJson {
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Document(
      int format,
      Direction outgoing,
      Direction internal,
      Direction incoming,
      List<String> approvedDirectNumbers,
      Map<String, GroupPolicy> groups,
      List<String> excludedNumbers,
      boolean paused,
      Announcement announcement) {}

  record Direction(boolean enabled, List<String> departments, boolean withoutDepartment) {}

  private PolicyJson() {}

  static String write(RecordingPolicy p) {
    DepartmentPolicy d = p.departments();
    Document doc =
        new Document(
            FORMAT,
            direction(d.outgoing()),
            direction(d.internal()),
            direction(d.incoming()),
            sorted(p.approvedDirectNumbers(), PhoneNumber::e164),
            new TreeMap<>(
                p.groups().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue))),
            sorted(p.excludedNumbers(), PhoneNumber::e164),
            p.paused(),
            p.announcement());
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a policy could not be written as JSON", e);
    }
  }

  static RecordingPolicy read(TenantId tenant, long version, String json) {
    Document doc;
    try {
      doc = JSON.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored policy is not valid JSON", e);
    }
    if (doc.format() != FORMAT) {
      throw new IllegalStateException("unknown policy document format " + doc.format());
    }
    return new RecordingPolicy(
        tenant,
        version,
        new DepartmentPolicy(rule(doc.outgoing()), rule(doc.internal()), rule(doc.incoming())),
        numbers(doc.approvedDirectNumbers()),
        doc.groups().entrySet().stream()
            .collect(Collectors.toMap(e -> new GroupId(e.getKey()), Map.Entry::getValue)),
        numbers(doc.excludedNumbers()),
        doc.paused(),
        doc.announcement());
  }

  private static Direction direction(DirectionRule rule) {
    return new Direction(
        rule.enabled(), sorted(rule.departments(), DepartmentId::value), rule.withoutDepartment());
  }

  private static DirectionRule rule(Direction d) {
    return new DirectionRule(
        d.enabled(),
        d.departments().stream().map(DepartmentId::new).collect(Collectors.toSet()),
        d.withoutDepartment());
  }

  private static Set<PhoneNumber> numbers(List<String> e164) {
    return e164.stream().map(PhoneNumber::ofE164).collect(Collectors.toSet());
  }

  private static <T> List<String> sorted(Set<T> values, Function<T, String> key) {
    return values.stream().map(key).sorted(Comparator.naturalOrder()).toList();
  }
}
