package se.vittne.storage.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.Direction;
import se.vittne.policy.GroupId;
import se.vittne.policy.number.PhoneNumber;

/**
 * What signalling told about a call, as stored with its recording or its "not recorded" row.
 *
 * @param callId the SIP Call-ID of the recorded call (the communication session)
 * @param sessionId the recording session's ID (SIPREC session, or the forked leg's Call-ID)
 * @param direction seen from the recorded party
 * @param remoteNumber the other party's number: E.164 when it could be read as one, else as sent
 * @param ddi the tenant's direct number that was dialled
 * @param answerGroup the answer group the call came through
 * @param start when the call started
 */
public record CallInfo(
    String callId,
    String sessionId,
    Direction direction,
    Optional<String> remoteNumber,
    Optional<PhoneNumber> ddi,
    Optional<GroupId> answerGroup,
    Instant start) {
  public CallInfo {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(remoteNumber, "remoteNumber");
    Objects.requireNonNull(ddi, "ddi");
    Objects.requireNonNull(answerGroup, "answerGroup");
    Objects.requireNonNull(start, "start");
  }
}
