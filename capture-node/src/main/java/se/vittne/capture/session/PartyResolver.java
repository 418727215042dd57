package se.vittne.capture.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.vittne.capture.directory.CallDirectory;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.SignalledFacts;
import se.vittne.policy.CallFacts;
import se.vittne.policy.Direction;
import se.vittne.policy.GroupId;
import se.vittne.policy.RecordedParty;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.recording.RecordedUser;

/**
 * Turns what signalling says about a call into the parties the policy decides for (R-38: both users
 * of an internal call). Identities become directory users by extension or number. When signalling
 * does not say the direction, it follows from who of caller and callee is a user of the tenant; a
 * call where neither is known is decided for the callee as an incoming call, and a party the
 * directory does not know is never recorded.
 */
public final class PartyResolver {
  private static final int MAX_EXTENSION = 64;

  private final CallDirectory directory;

  public PartyResolver(CallDirectory directory) {
    this.directory = directory;
  }

  private record Side(PartyIdentity identity, Optional<DirectoryUser> user) {}

  /**
   * The parties to decide for.
   *
   * @param participants the identities of the SIPREC participants, used when signalling names no
   *     caller, callee or recorded party
   */
  public List<CallParty> resolve(
      TenantId tenant, SignalledFacts facts, List<PartyIdentity> participants, Instant start) {
    Optional<GroupId> group = facts.answerGroup().flatMap(g -> directory.group(tenant, g));
    Optional<Side> caller = facts.caller().map(id -> side(tenant, id));
    Optional<Side> callee = facts.callee().map(id -> side(tenant, id));
    List<CallParty> parties = new ArrayList<>();
    if (facts.recordedParty().isPresent()) {
      Side recorded = side(tenant, facts.recordedParty().get());
      Optional<Side> remote = facts.remoteParty().map(id -> side(tenant, id));
      Direction direction = facts.direction().orElseGet(() -> inferred(recorded, remote, caller));
      parties.add(party(tenant, recorded, remote, direction, facts, group, start));
      if (direction == Direction.INTERNAL
          && remote.flatMap(Side::user).isPresent()
          && !remote.flatMap(Side::user).equals(recorded.user())) {
        parties.add(
            party(tenant, remote.get(), Optional.of(recorded), direction, facts, group, start));
      }
      return parties;
    }
    boolean callerIsUser = caller.flatMap(Side::user).isPresent();
    boolean calleeIsUser = callee.flatMap(Side::user).isPresent();
    if (callerIsUser && calleeIsUser) {
      parties.add(party(tenant, caller.get(), callee, Direction.INTERNAL, facts, group, start));
      parties.add(party(tenant, callee.get(), caller, Direction.INTERNAL, facts, group, start));
    } else if (callerIsUser) {
      parties.add(party(tenant, caller.get(), callee, Direction.OUTGOING, facts, group, start));
    } else if (callee.isPresent() || caller.isPresent()) {
      Side recorded = callee.orElseGet(caller::get);
      Optional<Side> remote = callee.isPresent() ? caller : Optional.empty();
      Direction direction = facts.direction().orElse(Direction.INCOMING);
      parties.add(party(tenant, recorded, remote, direction, facts, group, start));
    } else {
      fromParticipants(tenant, facts, participants, group, start, parties);
    }
    return parties;
  }

  private void fromParticipants(
      TenantId tenant,
      SignalledFacts facts,
      List<PartyIdentity> participants,
      Optional<GroupId> group,
      Instant start,
      List<CallParty> parties) {
    List<Side> sides = participants.stream().map(id -> side(tenant, id)).toList();
    List<Side> users = sides.stream().filter(s -> s.user().isPresent()).toList();
    Optional<Side> outsider = sides.stream().filter(s -> s.user().isEmpty()).findFirst();
    if (users.size() >= 2) {
      for (Side user : users) {
        Optional<Side> other = users.stream().filter(u -> u != user).findFirst();
        parties.add(party(tenant, user, other, Direction.INTERNAL, facts, group, start));
      }
    } else if (users.size() == 1) {
      Direction direction = facts.direction().orElse(Direction.INCOMING);
      parties.add(party(tenant, users.get(0), outsider, direction, facts, group, start));
    } else if (outsider.isPresent()) {
      Direction direction = facts.direction().orElse(Direction.INCOMING);
      parties.add(party(tenant, outsider.get(), Optional.empty(), direction, facts, group, start));
    }
  }

  private Side side(TenantId tenant, PartyIdentity identity) {
    return new Side(identity, directory.user(tenant, identity));
  }

  private static Direction inferred(Side recorded, Optional<Side> remote, Optional<Side> caller) {
    if (remote.flatMap(Side::user).isPresent()) {
      return Direction.INTERNAL;
    }
    boolean recordedCalled =
        caller.isEmpty() || !caller.get().identity().raw().equals(recorded.identity().raw());
    return recordedCalled ? Direction.INCOMING : Direction.OUTGOING;
  }

  private static CallParty party(
      TenantId tenant,
      Side recorded,
      Optional<Side> remote,
      Direction direction,
      SignalledFacts facts,
      Optional<GroupId> group,
      Instant start) {
    RecordedParty party =
        recorded.user().map(DirectoryUser::toRecordedParty).orElseGet(() -> unknown(recorded));
    CallFacts.Builder call = CallFacts.builder(tenant, direction, party).startTime(start);
    Optional<se.vittne.policy.number.PhoneNumber> remoteNumber =
        remote.flatMap(r -> r.identity().number());
    if (facts.recordedParty().isPresent()
        && facts.remoteNumber().isPresent()
        && recorded.identity().equals(facts.recordedParty().get())) {
      remoteNumber = facts.remoteNumber();
    }
    remoteNumber.ifPresent(call::remoteNumber);
    if (direction == Direction.INCOMING) {
      facts.dialledNumber().ifPresent(call::dialledNumber);
    }
    group.ifPresent(call::answerGroup);
    call.consent(facts.consent());
    Optional<String> remoteDisplay =
        remoteNumber
            .map(Object::toString)
            .or(() -> remote.flatMap(r -> r.user().map(u -> u.data().extension())))
            .or(() -> remote.flatMap(r -> r.identity().user()));
    RecordedUser user =
        recorded.user().map(DirectoryUser::toRecordedUser).orElseGet(() -> unknownUser(recorded));
    return new CallParty(call.build(), user, remoteDisplay.map(PartyResolver::bounded));
  }

  private static RecordedParty unknown(Side side) {
    return RecordedParty.unknown(extension(side.identity()));
  }

  private static RecordedUser unknownUser(Side side) {
    return new RecordedUser(
        Optional.empty(),
        extension(side.identity()),
        side.identity().displayName().map(PartyResolver::bounded),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static String extension(PartyIdentity identity) {
    return bounded(
        identity.number().map(Object::toString).or(identity::user).orElse(identity.raw()));
  }

  private static String bounded(String text) {
    String clean = text.isBlank() ? "unknown" : text.strip();
    return clean.length() <= MAX_EXTENSION ? clean : clean.substring(0, MAX_EXTENSION);
  }
}
