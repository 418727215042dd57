package se.vittne.policy;

/**
 * The rule that decided a call, in order of precedence: every "never" rule beats every
 * "always" rule, and when no rule applies the call is not recorded. Within each kind the order of
 * the constants is the order in which the evaluator checks them, so the rule reported is the first
 * that applies.
 */
public enum Rule {
  RECORDING_DISABLED_FOR_USER(Effect.NEVER),
  EXCLUDED_NUMBER(Effect.NEVER),
  GROUP_NEVER(Effect.NEVER),
  GROUP_REFUSED_VIA_IVR(Effect.NEVER),
  CONSENT_REFUSED(Effect.NEVER),
  PAUSED(Effect.NEVER),
  GROUP_ALWAYS(Effect.ALWAYS),
  GROUP_APPROVED_VIA_IVR(Effect.ALWAYS),
  APPROVED_DIRECT_NUMBER(Effect.ALWAYS),
  DEPARTMENT_POLICY(Effect.ALWAYS),
  NO_RULE(Effect.NONE);

  /** Whether a rule forbids recording, demands it, or is the absence of any rule. */
  public enum Effect {
    NEVER,
    ALWAYS,
    NONE
  }

  private final Effect effect;

  Rule(Effect effect) {
    this.effect = effect;
  }

  public Effect effect() {
    return effect;
  }

  /** Whether a call decided by this rule is recorded. */
  public boolean records() {
    return effect == Effect.ALWAYS;
  }
}
