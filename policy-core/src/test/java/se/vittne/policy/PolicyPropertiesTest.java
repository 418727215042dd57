package se.vittne.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;

/** Properties of the evaluator that must hold for every policy and every call. */
class PolicyPropertiesTest {
  static final TenantId TENANT =
      new TenantId(UUID.fromString("7d4c1f9e-0000-4000-8000-000000000002"));
  static final DepartmentId DEPARTMENT = new DepartmentId("Försäljning");
  static final GroupId GROUP = new GroupId("Kundtjänst");
  static final PhoneNumber REMOTE = PhoneNumber.ofE164("+46701234567");
  static final PhoneNumber DDI = PhoneNumber.ofE164("+46113384840");

  final PolicyEvaluator evaluator = new PolicyEvaluator();

  /**
   * Which "always" and "never" conditions hold for a call. The generated policy and call make
   * exactly these hold, plus unrelated noise in the policy.
   */
  record Scenario(
      boolean alwaysGroup,
      boolean groupViaIvr,
      boolean approvedDdi,
      boolean departmentSelected,
      boolean userDisabled,
      boolean excludedRemote,
      boolean groupNever,
      boolean consentRefused,
      boolean paused,
      Direction direction,
      int noise) {

    boolean anyNever() {
      return userDisabled || excludedRemote || groupNever || consentRefused || paused;
    }

    boolean anyAlways() {
      return alwaysGroup || approvedDdi || departmentSelected;
    }

    RecordingPolicy policy() {
      RecordingPolicy.Builder policy = RecordingPolicy.builder(TENANT).paused(paused);
      for (int i = 0; i < noise; i++) {
        policy.excludeNumber(PhoneNumber.ofE164("+4631" + (1000000 + i)));
        policy.approveDirectNumber(PhoneNumber.ofE164("+4640" + (1000000 + i)));
        policy.group(new GroupId("G" + i), GroupPolicy.values()[i % GroupPolicy.values().length]);
      }
      Set<DepartmentId> selected = new HashSet<>();
      for (int i = 0; i < noise; i++) {
        selected.add(new DepartmentId("D" + i));
      }
      if (departmentSelected) {
        selected.add(DEPARTMENT);
      }
      policy.direction(direction, DirectionRule.on(selected));
      if (approvedDdi) {
        policy.approveDirectNumber(DDI);
      }
      if (excludedRemote) {
        policy.excludeNumber(REMOTE);
      }
      if (groupNever) {
        policy.group(
            GROUP,
            groupViaIvr ? GroupPolicy.NEVER_RECORD_REFUSED_VIA_IVR : GroupPolicy.NEVER_RECORD);
      } else if (alwaysGroup) {
        policy.group(
            GROUP,
            groupViaIvr ? GroupPolicy.ALWAYS_RECORD_APPROVED_VIA_IVR : GroupPolicy.ALWAYS_RECORD);
      }
      return policy.build();
    }

    CallFacts call() {
      return CallFacts.builder(
              TENANT, direction, RecordedParty.of("201", DEPARTMENT.value(), !userDisabled))
          .remoteNumber(REMOTE)
          .dialledNumber(DDI)
          .answerGroup(GROUP)
          .consent(consentRefused ? ConsentSignal.REFUSED : ConsentSignal.UNKNOWN)
          .build();
    }
  }

  /** Which conditions a generated scenario is made to have. */
  enum Shape {
    ANY,
    SOME_NEVER,
    NO_NEVER_SOME_ALWAYS,
    NO_ALWAYS
  }

  static Gen<Scenario> scenarios() {
    return scenarios(Shape.ANY);
  }

  /**
   * Scenarios of the given shape. Conditions are drawn at random and then the shape is imposed by
   * forcing one drawn condition on or off, so that no example is discarded.
   */
  static Gen<Scenario> scenarios(Shape shape) {
    Gen<Boolean> b = Generate.booleans();
    Gen<Integer> pick = Generate.range(0, 4);
    Gen<Direction> directions = Generate.enumValues(Direction.class);
    Gen<Integer> noise = Generate.range(0, 20);
    return in -> {
      boolean[] never = {
        b.generate(in), b.generate(in), b.generate(in), b.generate(in), b.generate(in)
      };
      boolean[] always = {b.generate(in), b.generate(in), b.generate(in)};
      int forced = pick.generate(in);
      switch (shape) {
        case SOME_NEVER -> never[forced] = true;
        case NO_NEVER_SOME_ALWAYS -> {
          Arrays.fill(never, false);
          always[forced % always.length] = true;
        }
        case NO_ALWAYS -> Arrays.fill(always, false);
        case ANY -> {}
      }
      boolean groupNever = never[2];
      boolean alwaysGroup = always[0] && !groupNever;
      // "Always" group rules are the group policy for incoming calls.
      Direction direction = alwaysGroup ? Direction.INCOMING : directions.generate(in);
      if (shape == Shape.NO_NEVER_SOME_ALWAYS && !alwaysGroup && !always[1] && !always[2]) {
        always[2] = true;
      }
      return new Scenario(
          alwaysGroup,
          b.generate(in),
          always[1],
          always[2],
          never[0],
          never[1],
          groupNever,
          never[3],
          never[4],
          direction,
          noise.generate(in));
    };
  }

  @Test
  void anyNeverConditionWinsOverAnyCombinationOfAlwaysConditions() {
    qt().withExamples(2_000)
        .forAll(scenarios(Shape.SOME_NEVER))
        .checkAssert(scenario -> {
          Decision decision = evaluator.evaluate(scenario.policy(), scenario.call());
          assertThat(decision.record()).as("%s", scenario).isFalse();
          assertThat(decision.rule().effect()).as("%s", scenario).isEqualTo(Rule.Effect.NEVER);
        });
  }

  @Test
  void anyAlwaysConditionRecordsWhenNoNeverConditionHolds() {
    qt().withExamples(2_000)
        .forAll(scenarios(Shape.NO_NEVER_SOME_ALWAYS))
        .checkAssert(scenario -> {
          Decision decision = evaluator.evaluate(scenario.policy(), scenario.call());
          assertThat(decision.record()).as("%s", scenario).isTrue();
          assertThat(decision.rule().effect()).isEqualTo(Rule.Effect.ALWAYS);
        });
  }

  @Test
  void noRuleMeansNoRecording() {
    qt().withExamples(2_000)
        .forAll(scenarios(Shape.NO_ALWAYS))
        .checkAssert(scenario -> {
          Decision decision = evaluator.evaluate(scenario.policy(), scenario.call());
          assertThat(decision.record()).as("%s", scenario).isFalse();
          assertThat(decision.rule())
              .isIn(
                  Rule.NO_RULE,
                  Rule.RECORDING_DISABLED_FOR_USER,
                  Rule.EXCLUDED_NUMBER,
                  Rule.GROUP_NEVER,
                  Rule.GROUP_REFUSED_VIA_IVR,
                  Rule.CONSENT_REFUSED,
                  Rule.PAUSED);
        });
  }

  @Test
  void anEmptyPolicyRecordsNoCall() {
    qt().withExamples(500)
        .forAll(scenarios())
        .checkAssert(scenario ->
            assertThat(evaluator.evaluate(RecordingPolicy.empty(TENANT), scenario.call()).record())
                .isFalse());
  }

  /** The ways a Swedish number {@code +46<national>} is written by PBXs, SBCs and people. */
  static List<String> writings(String national) {
    String spaced =
        "0"
            + national.substring(0, 2)
            + "-"
            + national.substring(2, 5)
            + " "
            + national.substring(5, 7)
            + " "
            + national.substring(7);
    return List.of(
        "+46" + national,
        "0046" + national,
        "0" + national,
        spaced,
        "46" + national,
        "tel:+46-" + national.substring(0, 2) + "-" + national.substring(2),
        "sip:+46" + national + "@sbc.example.net;user=phone",
        "sip:%2B46" + national + "@10.0.0.1",
        "<sip:0" + national + "@pbx.example.com;user=phone>",
        "tel:0" + national + ";phone-context=+46");
  }

  @Test
  void theDecisionDoesNotDependOnHowNumbersAreWritten() {
    Gen<String> nationals =
        Generate.longRange(700_000_000L, 799_999_999L).map((Long n) -> String.valueOf(n));
    Gen<Integer> picks = Generate.range(0, writings("701234567").size() - 1);
    qt().withExamples(1_000)
        .forAll(scenarios(), nationals, picks, picks)
        .checkAssert((scenario, national, policyWriting, callWriting) -> {
          PhoneNumber canonical = PhoneNumber.ofE164("+46" + national);
          PhoneNumber inPolicy =
              PhoneNumber.parse(writings(national).get(policyWriting), NumberingPlan.SWEDEN);
          PhoneNumber inCall =
              PhoneNumber.parse(writings(national).get(callWriting), NumberingPlan.SWEDEN);

          Decision canonicalDecision = decide(scenario, canonical, canonical);
          Decision writtenDecision = decide(scenario, inPolicy, inCall);

          assertThat(writtenDecision).isEqualTo(canonicalDecision);
        });
  }

  /** Decides the scenario with its excluded and approved numbers replaced by the given ones. */
  private Decision decide(Scenario scenario, PhoneNumber inPolicy, PhoneNumber inCall) {
    RecordingPolicy.Builder policy = scenario.policy().toBuilder();
    CallFacts call = scenario.call();
    if (scenario.excludedRemote()) {
      policy.removeExcludedNumber(REMOTE).excludeNumber(inPolicy);
    }
    if (scenario.approvedDdi()) {
      policy.removeApprovedDirectNumber(DDI).approveDirectNumber(inPolicy);
    }
    CallFacts.Builder rewritten =
        CallFacts.builder(TENANT, call.direction(), call.party())
            .remoteNumber(inCall)
            .dialledNumber(inCall)
            .answerGroup(GROUP)
            .consent(call.consent());
    return evaluator.evaluate(policy.build(), rewritten.build());
  }
}
