package se.vittne.capture.sip;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.capture.sip.trunk.Trunk;

/**
 * A new recording session offered by a trusted trunk.
 *
 * @param sessionId a unique id for the session, suitable as the media session's id
 * @param callId the SIP Call-ID of the recording session (for logs)
 * @param kind SIPREC or plain forked leg
 * @param trunk the trunk that sent it, hence the tenant
 * @param receivedAt when the INVITE arrived
 * @param streams the usable offered audio streams, labelled and assigned to WAV channels; offered
 *     sections that are not plain RTP audio are already rejected
 * @param metadata the SIPREC metadata, if any
 * @param facts what signalling says about the call
 * @param identities the identity headers as received
 * @param control ends the session from the session layer's side
 */
public record SessionOffer(
    String sessionId,
    String callId,
    SessionKind kind,
    Trunk trunk,
    Instant receivedAt,
    List<StreamSpec> streams,
    Optional<RecordingMetadata> metadata,
    SignalledFacts facts,
    SipIdentities identities,
    SessionControl control) {
  public SessionOffer {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(trunk, "trunk");
    Objects.requireNonNull(receivedAt, "receivedAt");
    streams = List.copyOf(streams);
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(control, "control");
  }
}
