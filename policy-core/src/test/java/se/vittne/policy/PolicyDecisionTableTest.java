package se.vittne.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;

/**
 * One row per example of REQUIREMENTS R-30 ... R-38 and of the user guide's "Policyregler" chapter.
 * Each row is a call, the policy it meets, and the rule that must decide it.
 */
class PolicyDecisionTableTest {
  static final TenantId TENANT =
      new TenantId(UUID.fromString("7d4c1f9e-0000-4000-8000-000000000001"));
  static final DepartmentId SALES = new DepartmentId("Försäljning");
  static final DepartmentId FINANCE = new DepartmentId("Ekonomi");
  static final GroupId SUPPORT = new GroupId("Kundtjänst");
  static final GroupId IVR_YES = new GroupId("Svarsgrupp 1");
  static final GroupId IVR_NO = new GroupId("Svarsgrupp 2");
  static final GroupId SWITCHBOARD = new GroupId("Telefonist");
  static final PhoneNumber CUSTOMER = number("+46701234567");
  static final PhoneNumber FAMILY = number("+46701234568");
  static final PhoneNumber FINANCE_DDI = number("+46113384840");
  static final PhoneNumber OTHER_DDI = number("+46313031022");

  static final RecordedParty PELLE = RecordedParty.of("201", "Försäljning", true);
  static final RecordedParty ANNA_FINANCE = RecordedParty.of("301", "Ekonomi", true);
  static final RecordedParty NO_DEPARTMENT = RecordedParty.of("401", null, true);
  static final RecordedParty NOT_ENABLED = RecordedParty.of("202", "Försäljning", false);

  /** The guide's example: sales recorded in and out, internal calls not. */
  static final RecordingPolicy GUIDE =
      RecordingPolicy.builder(TENANT)
          .version(7)
          .direction(Direction.OUTGOING, DirectionRule.on(Set.of(SALES)))
          .direction(Direction.INCOMING, DirectionRule.on(Set.of(SALES)))
          .approveDirectNumber(FINANCE_DDI)
          .group(SUPPORT, GroupPolicy.ALWAYS_RECORD)
          .group(IVR_YES, GroupPolicy.ALWAYS_RECORD_APPROVED_VIA_IVR)
          .group(IVR_NO, GroupPolicy.NEVER_RECORD_REFUSED_VIA_IVR)
          .group(SWITCHBOARD, GroupPolicy.NEVER_RECORD)
          .excludeNumber(FAMILY)
          .build();

  final PolicyEvaluator evaluator = new PolicyEvaluator();

  static Stream<Arguments> rows() {
    return Stream.of(
        // R-30 department policy
        row(
            "R-30: an incoming call to a user in Försäljning is recorded by the department policy",
            GUIDE,
            incoming(PELLE).build(),
            Rule.DEPARTMENT_POLICY),
        row(
            "R-30: an outgoing call from a user in Försäljning is recorded by the department policy",
            GUIDE,
            call(Direction.OUTGOING, PELLE).remoteNumber(CUSTOMER).build(),
            Rule.DEPARTMENT_POLICY),
        row(
            "R-30: an internal call of a user in Försäljning is not recorded, internal is unchecked",
            GUIDE,
            call(Direction.INTERNAL, PELLE).build(),
            Rule.NO_RULE),
        row(
            "R-30: an incoming call to a user in Ekonomi is not recorded, Ekonomi is not selected",
            GUIDE,
            incoming(ANNA_FINANCE).build(),
            Rule.NO_RULE),
        row(
            "R-30: a call to Försäljning through an answer group without group policy is recorded",
            GUIDE,
            incoming(PELLE).answerGroup(new GroupId("Sälj")).build(),
            Rule.DEPARTMENT_POLICY),
        row(
            "R-30: users without a department are recorded when 'Undefined' is selected",
            GUIDE.toBuilder()
                .direction(Direction.INTERNAL, new DirectionRule(true, Set.of(), true))
                .build(),
            call(Direction.INTERNAL, NO_DEPARTMENT).build(),
            Rule.DEPARTMENT_POLICY),
        row(
            "R-30: users without a department are not recorded when 'Undefined' is not selected",
            GUIDE,
            incoming(NO_DEPARTMENT).build(),
            Rule.NO_RULE),
        row(
            "R-30: a switch that is off records nobody even with departments selected",
            GUIDE.toBuilder()
                .direction(Direction.INTERNAL, new DirectionRule(false, Set.of(SALES), true))
                .build(),
            call(Direction.INTERNAL, PELLE).build(),
            Rule.NO_RULE),
        // R-31 approved direct numbers
        row(
            "R-31: a call to the approved direct number +46113384840 (Ekonomi) is recorded",
            GUIDE,
            incoming(ANNA_FINANCE).dialledNumber(FINANCE_DDI).build(),
            Rule.APPROVED_DIRECT_NUMBER),
        row(
            "R-31: a call to a direct number not on the list is decided by the other rules",
            GUIDE,
            incoming(ANNA_FINANCE).dialledNumber(OTHER_DDI).build(),
            Rule.NO_RULE),
        // R-32 group policy for incoming calls
        row(
            "R-32: an incoming call through a group set to always record (approved) is recorded",
            GUIDE,
            incoming(ANNA_FINANCE).answerGroup(SUPPORT).build(),
            Rule.GROUP_ALWAYS),
        row(
            "R-32: a group set to never record (rejected) beats the department policy",
            GUIDE,
            incoming(PELLE).answerGroup(SWITCHBOARD).build(),
            Rule.GROUP_NEVER),
        row(
            "R-32: a group set to never record beats an approved direct number",
            GUIDE,
            incoming(PELLE).answerGroup(SWITCHBOARD).dialledNumber(FINANCE_DDI).build(),
            Rule.GROUP_NEVER),
        row(
            "R-32: an 'always' group policy is for incoming calls; an internal call through it is not",
            GUIDE,
            call(Direction.INTERNAL, ANNA_FINANCE).answerGroup(SUPPORT).build(),
            Rule.NO_RULE),
        row(
            "R-32: a 'never' group policy also holds for an internal call through the group",
            GUIDE.toBuilder()
                .direction(Direction.INTERNAL, DirectionRule.on(Set.of(SALES)))
                .build(),
            call(Direction.INTERNAL, PELLE).answerGroup(SWITCHBOARD).build(),
            Rule.GROUP_NEVER),
        // R-33 IVR consent
        row(
            "R-33: the caller pressed 1 and reached the 'approved via IVR' group: recorded",
            GUIDE,
            incoming(ANNA_FINANCE).answerGroup(IVR_YES).build(),
            Rule.GROUP_APPROVED_VIA_IVR),
        row(
            "R-33: the caller pressed 2 and reached the 'rejected via IVR' group: not recorded,"
                + " although the same members are in Försäljning",
            GUIDE,
            incoming(PELLE).answerGroup(IVR_NO).build(),
            Rule.GROUP_REFUSED_VIA_IVR),
        row(
            "R-33: an explicit refusal from the PBX wins over the 'approved via IVR' group",
            GUIDE,
            incoming(PELLE).answerGroup(IVR_YES).consent(ConsentSignal.REFUSED).build(),
            Rule.CONSENT_REFUSED),
        row(
            "R-33: an explicit refusal from the PBX wins over the department policy",
            GUIDE,
            incoming(PELLE).consent(ConsentSignal.REFUSED).build(),
            Rule.CONSENT_REFUSED),
        row(
            "R-33: granted consent alone records nothing when no rule selects the call",
            GUIDE,
            incoming(ANNA_FINANCE).consent(ConsentSignal.GRANTED).build(),
            Rule.NO_RULE),
        // R-34 excluded customer numbers, in the forms PBXs and people write them
        excluded("+46701234568"),
        excluded("0046701234568"),
        excluded("070-123 45 68"),
        excluded("tel:+46-70-123-45-68"),
        excluded("sip:+46701234568@pbx.example.com;user=phone"),
        excluded("sip:0701234568@10.1.2.3"),
        excluded("\"Mamma\" <sip:%2B46701234568@sbc.example.net>"),
        row(
            "R-34: an excluded number beats a group set to always record",
            GUIDE,
            incoming(PELLE).answerGroup(SUPPORT).remoteNumber(FAMILY).build(),
            Rule.EXCLUDED_NUMBER),
        row(
            "R-34: an excluded number beats an approved direct number",
            GUIDE,
            incoming(ANNA_FINANCE).dialledNumber(FINANCE_DDI).remoteNumber(FAMILY).build(),
            Rule.EXCLUDED_NUMBER),
        row(
            "R-34: an outgoing call to an excluded number is not recorded",
            GUIDE,
            call(Direction.OUTGOING, PELLE).remoteNumber(FAMILY).build(),
            Rule.EXCLUDED_NUMBER),
        row(
            "R-34: a number that is not excluded is recorded by the department policy",
            GUIDE,
            incoming(PELLE).remoteNumber(CUSTOMER).build(),
            Rule.DEPARTMENT_POLICY),
        // R-35 pause
        row(
            "R-35: while all recording is paused, a department call is not recorded",
            GUIDE.toBuilder().paused(true).build(),
            incoming(PELLE).build(),
            Rule.PAUSED),
        row(
            "R-35: while paused, a call through an 'always' group is not recorded",
            GUIDE.toBuilder().paused(true).build(),
            incoming(ANNA_FINANCE).answerGroup(SUPPORT).build(),
            Rule.PAUSED),
        row(
            "R-35: after resuming, the configured rules apply again unchanged",
            GUIDE.toBuilder().paused(true).build().toBuilder().paused(false).build(),
            incoming(PELLE).build(),
            Rule.DEPARTMENT_POLICY),
        // R-13 recording enabled
        row(
            "R-13: a user in Försäljning without 'recording enabled' is never recorded",
            GUIDE,
            incoming(NOT_ENABLED).build(),
            Rule.RECORDING_DISABLED_FOR_USER),
        row(
            "R-13: a user without 'recording enabled' is not recorded through an 'always' group",
            GUIDE,
            incoming(NOT_ENABLED).answerGroup(SUPPORT).build(),
            Rule.RECORDING_DISABLED_FOR_USER),
        row(
            "R-13: a party the directory does not know is never recorded",
            GUIDE,
            incoming(RecordedParty.unknown("sip:guest@example.com")).build(),
            Rule.RECORDING_DISABLED_FOR_USER),
        // R-37 precedence and no rule
        row(
            "R-37: with no rule configured, no call is recorded",
            RecordingPolicy.empty(TENANT),
            incoming(PELLE).remoteNumber(CUSTOMER).build(),
            Rule.NO_RULE),
        row(
            "R-37: of several 'never' rules, the disabled user is reported first",
            GUIDE.toBuilder().paused(true).build(),
            incoming(NOT_ENABLED).answerGroup(SWITCHBOARD).remoteNumber(FAMILY).build(),
            Rule.RECORDING_DISABLED_FOR_USER),
        row(
            "R-37: an excluded number is reported before a 'never' group, refusal and pause",
            GUIDE.toBuilder().paused(true).build(),
            incoming(PELLE)
                .answerGroup(IVR_NO)
                .remoteNumber(FAMILY)
                .consent(ConsentSignal.REFUSED)
                .build(),
            Rule.EXCLUDED_NUMBER),
        row(
            "R-37: an 'always' group is reported before an approved number and the department",
            GUIDE,
            incoming(PELLE).answerGroup(SUPPORT).dialledNumber(FINANCE_DDI).build(),
            Rule.GROUP_ALWAYS),
        row(
            "R-37: an approved direct number is reported before the department policy",
            GUIDE,
            incoming(PELLE).dialledNumber(FINANCE_DDI).build(),
            Rule.APPROVED_DIRECT_NUMBER),
        // each recorded party of one call is decided on its own
        row(
            "R-38: in an internal call, the side of a user with internal recording is recorded",
            GUIDE.toBuilder()
                .direction(Direction.INTERNAL, DirectionRule.on(Set.of(SALES)))
                .build(),
            call(Direction.INTERNAL, PELLE).build(),
            Rule.DEPARTMENT_POLICY),
        row(
            "R-38: in the same internal call, the other side, in Ekonomi, is not recorded",
            GUIDE.toBuilder()
                .direction(Direction.INTERNAL, DirectionRule.on(Set.of(SALES)))
                .build(),
            call(Direction.INTERNAL, ANNA_FINANCE).build(),
            Rule.NO_RULE));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void decides(RecordingPolicy policy, CallFacts call, Rule expected) {
    Decision decision = evaluator.evaluate(policy, call);

    assertThat(decision.rule()).isEqualTo(expected);
    assertThat(decision.record()).isEqualTo(expected.records());
    assertThat(decision.policyVersion()).isEqualTo(policy.version());
    assertThat(decision.explanation().english())
        .startsWith(expected.records() ? "Recorded: " : "Not recorded: ");
    assertThat(decision.explanation().swedish())
        .startsWith(expected.records() ? "Spelas in: " : "Spelas inte in: ");
  }

  @Test
  void ivrApprovalRecordsWithConsentAsLegalBasis() {
    Decision decision =
        evaluator.evaluate(GUIDE, incoming(ANNA_FINANCE).answerGroup(IVR_YES).build());

    assertThat(decision.consentBasis()).contains(ConsentBasis.GRANTED_VIA_IVR_GROUP);
    assertThat(decision.explanation().in(Locale.ENGLISH))
        .isEqualTo(
            "Recorded: the caller approved recording in the IVR (answer group Svarsgrupp 1 is set"
                + " to always record, approved via IVR).");
    assertThat(decision.explanation().in(Locale.forLanguageTag("sv-SE")))
        .contains("godkände inspelning i knappvalet");
  }

  @Test
  void ivrRefusalNamesTheRefusalAsLegalBasis() {
    Decision decision = evaluator.evaluate(GUIDE, incoming(PELLE).answerGroup(IVR_NO).build());

    assertThat(decision.consentBasis()).contains(ConsentBasis.REFUSED_VIA_IVR_GROUP);
  }

  @Test
  void explicitConsentSignalIsTheLegalBasisOfARecordedCall() {
    Decision refused =
        evaluator.evaluate(GUIDE, incoming(PELLE).consent(ConsentSignal.REFUSED).build());
    Decision granted =
        evaluator.evaluate(GUIDE, incoming(PELLE).consent(ConsentSignal.GRANTED).build());
    Decision silent = evaluator.evaluate(GUIDE, incoming(PELLE).build());

    assertThat(refused.consentBasis()).contains(ConsentBasis.REFUSED_SIGNALLED_BY_PBX);
    assertThat(granted.consentBasis()).contains(ConsentBasis.GRANTED_SIGNALLED_BY_PBX);
    assertThat(silent.consentBasis()).isEmpty();
  }

  @Test
  void explanationNamesTheFactsThatDecided() {
    assertThat(
            evaluator.evaluate(GUIDE, incoming(PELLE).remoteNumber(FAMILY).build()).explanation())
        .isEqualTo(
            new Explanation(
                "Spelas inte in: kundnumret +46701234568 är exkluderat (spela aldrig in).",
                "Not recorded: the customer number +46701234568 is excluded (never record)."));
    assertThat(evaluator.evaluate(GUIDE, incoming(PELLE).build()).explanation().english())
        .isEqualTo("Recorded: incoming calls are recorded for the department Försäljning.");
    assertThat(evaluator.evaluate(GUIDE, incoming(ANNA_FINANCE).build()).explanation().english())
        .isEqualTo("Not recorded: no rule applies; Ekonomi is not selected for incoming calls.");
    assertThat(
            evaluator
                .evaluate(GUIDE, call(Direction.INTERNAL, PELLE).build())
                .explanation()
                .swedish())
        .isEqualTo(
            "Spelas inte in: ingen regel gäller; interna samtal spelas inte in enligt"
                + " avdelningspolicyn.");
  }

  @Test
  void refusesToDecideACallWithAnotherTenantsPolicy() {
    CallFacts otherTenantsCall =
        CallFacts.builder(new TenantId(UUID.randomUUID()), Direction.INCOMING, PELLE).build();

    assertThatThrownBy(() -> evaluator.evaluate(GUIDE, otherTenantsCall))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot decide a call of");
  }

  @Test
  void notApplicableGroupsAreNotKeptInThePolicy() {
    RecordingPolicy policy = GUIDE.toBuilder().group(SUPPORT, GroupPolicy.NOT_APPLICABLE).build();

    assertThat(policy.groups()).doesNotContainKey(SUPPORT);
    assertThat(policy.groupPolicy(SUPPORT)).isEqualTo(GroupPolicy.NOT_APPLICABLE);
  }

  @Test
  void policiesAreImmutable() {
    assertThatThrownBy(() -> GUIDE.excludedNumbers().add(CUSTOMER))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> GUIDE.groups().put(SUPPORT, GroupPolicy.NEVER_RECORD))
        .isInstanceOf(UnsupportedOperationException.class);
    RecordingPolicy edited = GUIDE.toBuilder().removeExcludedNumber(FAMILY).build();
    assertThat(GUIDE.excludedNumbers()).containsExactly(FAMILY);
    assertThat(edited.excludedNumbers()).isEmpty();
  }

  private static Arguments row(
      String sentence, RecordingPolicy policy, CallFacts call, Rule expected) {
    return argumentSet(sentence, policy, call, expected);
  }

  private static Arguments excluded(String written) {
    return row(
        "R-34: a call from the excluded number written as " + written + " is never recorded",
        GUIDE,
        incoming(PELLE)
            .remoteNumber(PhoneNumber.parse(written, NumberingPlan.SWEDEN))
            .answerGroup(SUPPORT)
            .build(),
        Rule.EXCLUDED_NUMBER);
  }

  static CallFacts.Builder incoming(RecordedParty party) {
    return call(Direction.INCOMING, party);
  }

  static CallFacts.Builder call(Direction direction, RecordedParty party) {
    return CallFacts.builder(TENANT, direction, party);
  }

  static PhoneNumber number(String e164) {
    return PhoneNumber.ofE164(e164);
  }
}
