package se.vittne.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.number.PhoneNumber;

/**
 * What is known about one call, for one recorded party (R-38: a call between two recorded users is
 * evaluated once per user). Facts that signalling could not establish are empty, never guessed.
 *
 * @param tenant the company the call belongs to
 * @param direction incoming, outgoing or internal, seen from the recorded party
 * @param party the user whose side would be recorded
 * @param remoteNumber the other party's number in E.164, empty when withheld or not a number
 * @param dialledNumber the tenant's direct number (DDI) that the caller dialled, if any
 * @param answerGroup the answer group the call came through, if any
 * @param consent the caller's consent as signalled by the PBX
 * @param startTime when the call started
 */
public record CallFacts(
    TenantId tenant,
    Direction direction,
    RecordedParty party,
    Optional<PhoneNumber> remoteNumber,
    Optional<PhoneNumber> dialledNumber,
    Optional<GroupId> answerGroup,
    ConsentSignal consent,
    Instant startTime) {
  public CallFacts {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(remoteNumber, "remoteNumber");
    Objects.requireNonNull(dialledNumber, "dialledNumber");
    Objects.requireNonNull(answerGroup, "answerGroup");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(startTime, "startTime");
  }

  public static Builder builder(TenantId tenant, Direction direction, RecordedParty party) {
    return new Builder(tenant, direction, party);
  }

  /** Builds facts step by step; everything not set is unknown. */
  public static final class Builder {
    private final TenantId tenant;
    private final Direction direction;
    private final RecordedParty party;
    private PhoneNumber remoteNumber;
    private PhoneNumber dialledNumber;
    private GroupId answerGroup;
    private ConsentSignal consent = ConsentSignal.UNKNOWN;
    private Instant startTime = Instant.EPOCH;

    private Builder(TenantId tenant, Direction direction, RecordedParty party) {
      this.tenant = tenant;
      this.direction = direction;
      this.party = party;
    }

    public Builder remoteNumber(PhoneNumber number) {
      this.remoteNumber = number;
      return this;
    }

    public Builder dialledNumber(PhoneNumber number) {
      this.dialledNumber = number;
      return this;
    }

    public Builder answerGroup(GroupId group) {
      this.answerGroup = group;
      return this;
    }

    public Builder consent(ConsentSignal signal) {
      this.consent = Objects.requireNonNull(signal, "consent");
      return this;
    }

    public Builder startTime(Instant time) {
      this.startTime = Objects.requireNonNull(time, "startTime");
      return this;
    }

    public CallFacts build() {
      return new CallFacts(
          tenant,
          direction,
          party,
          Optional.ofNullable(remoteNumber),
          Optional.ofNullable(dialledNumber),
          Optional.ofNullable(answerGroup),
          consent,
          startTime);
    }
  }
}
