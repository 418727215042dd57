package se.vittne.admin.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import se.vittne.policy.Announcement;
import se.vittne.policy.ConsentBasis;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.Rule;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.policy.AppliedPolicy;

/** The bodies of the policy endpoints. Departments and answer groups are named by their keys. */
public final class PolicyViews {
  private PolicyViews() {}

  /**
   * One switch of the department policy.
   *
   * @param enabled record calls of this direction
   * @param departments the keys of the departments selected
   * @param withoutDepartment whether users without a department are selected too
   */
  public record DirectionView(
      boolean enabled, List<String> departments, boolean withoutDepartment) {
    static DirectionView of(DirectionRule rule) {
      return new DirectionView(
          rule.enabled(),
          rule.departments().stream().map(DepartmentId::value).sorted().toList(),
          rule.withoutDepartment());
    }
  }

  /** The department policy per direction. */
  public record DepartmentPolicyView(
      DirectionView outgoing, DirectionView internal, DirectionView incoming) {}

  /**
   * A whole policy as read and written.
   *
   * @param departments R-30
   * @param approvedDirectNumbers R-31: the tenant's direct numbers always recorded, E.164
   * @param groups R-32: answer group key to policy; groups not listed are not applicable
   * @param excludedNumbers R-34: remote numbers never recorded, E.164
   * @param paused R-35
   * @param announcement R-36
   */
  public record PolicyDocument(
      DepartmentPolicyView departments,
      List<String> approvedDirectNumbers,
      Map<String, GroupPolicy> groups,
      List<String> excludedNumbers,
      boolean paused,
      Announcement announcement) {
    static PolicyDocument of(RecordingPolicy p) {
      Map<String, GroupPolicy> groups = new TreeMap<>();
      p.groups().forEach((k, v) -> groups.put(k.value(), v));
      return new PolicyDocument(
          new DepartmentPolicyView(
              DirectionView.of(p.departments().outgoing()),
              DirectionView.of(p.departments().internal()),
              DirectionView.of(p.departments().incoming())),
          p.approvedDirectNumbers().stream().map(PhoneNumber::e164).sorted().toList(),
          groups,
          p.excludedNumbers().stream().map(PhoneNumber::e164).sorted().toList(),
          p.paused(),
          p.announcement());
    }
  }

  /** An applied version; version 0 is the empty policy of a tenant that never applied one. */
  public record AppliedView(
      long version, Instant appliedAt, UUID appliedBy, PolicyDocument policy) {
    static AppliedView of(AppliedPolicy a) {
      return new AppliedView(
          a.policy().version(),
          a.appliedAt(),
          a.appliedBy().orElse(null),
          PolicyDocument.of(a.policy()));
    }

    static AppliedView empty(RecordingPolicy p) {
      return new AppliedView(0, null, null, PolicyDocument.of(p));
    }
  }

  /**
   * The draft: what the editor shows. Without a saved draft it is the applied policy, and {@code
   * exists} is false.
   *
   * @param exists whether a draft is saved
   * @param basedOn the applied version it started from
   * @param policy its content
   */
  public record DraftView(boolean exists, long basedOn, PolicyDocument policy) {}

  /** The applied policy and the draft, if any. */
  public record PolicyOverview(AppliedView applied, DraftView draft) {}

  /** A number as written: E.164 or as dialled in the tenant's country. */
  public record NumberInput(String number) {}

  /** The policy of one answer group. */
  public record GroupPolicyInput(String group, GroupPolicy policy) {}

  public record PauseInput(Boolean paused) {}

  public record AnnouncementInput(Announcement announcement) {}

  /** Which policy a test call is evaluated against. */
  public enum Target {
    DRAFT,
    APPLIED
  }

  /**
   * A hypothetical call (R-37 "make a test call"). Name the recorded user by extension (looked up
   * in the directory, as a capture node does), or describe them by department key and the
   * "recording enabled" flag.
   */
  public record SimulationRequest(
      Target against,
      Direction direction,
      String extension,
      String department,
      Boolean recordingEnabled,
      String remoteNumber,
      String dialledNumber,
      String answerGroup,
      ConsentSignal consent) {}

  /** The recorded party as the evaluator saw it. */
  public record PartyView(
      String extension, String department, boolean recordingEnabled, boolean inDirectory) {}

  /** Why, in both languages. */
  public record ExplanationView(String sv, String en) {}

  /** The decision on a test call. */
  public record SimulationResult(
      boolean record,
      Rule rule,
      ExplanationView explanation,
      ConsentBasis consentBasis,
      long policyVersion,
      Target against,
      PartyView party,
      String remoteNumber,
      String dialledNumber) {}
}
