package se.vittne.capture.sip.dialog;

import java.util.Optional;
import se.vittne.capture.sip.SipServerConfig.Limits;
import se.vittne.capture.sip.body.BodyException;
import se.vittne.capture.sip.body.BodyReader;
import se.vittne.capture.sip.body.RecordingBody;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.sdp.SdpException;
import se.vittne.capture.sip.sdp.SdpParser;
import se.vittne.capture.sip.sdp.SessionDescription;
import se.vittne.capture.sip.siprec.MetadataException;
import se.vittne.capture.sip.siprec.MetadataParser;
import se.vittne.capture.sip.siprec.RecordingMetadata;

/**
 * Reads what a request's body offers: SDP and metadata, either, both or neither. Problems become
 * refusals: a body that cannot be split, malformed SDP or metadata is 400; metadata over the limits
 * is 400 as well, since RFC 7866 gives no better code.
 */
final class OfferReader {
  /** What a body offered. */
  record Offered(Optional<SessionDescription> sdp, Optional<RecordingMetadata> metadata) {}

  private final BodyReader bodies;
  private final SdpParser sdp;
  private final MetadataParser metadata;

  OfferReader(Limits limits) {
    this.bodies = new BodyReader(limits.maxBodyParts());
    this.sdp = new SdpParser(limits.maxStreams() * 2);
    this.metadata = new MetadataParser(limits.metadata());
  }

  Offered read(InboundRequest request) throws Refusal {
    RecordingBody body;
    try {
      body = bodies.read(request.headers().first("Content-Type"), request.body());
    } catch (BodyException e) {
      String type = request.headers().first("Content-Type").orElse("");
      if (e.getMessage().startsWith("unsupported body type")) {
        throw new Refusal(
            Replies.error(415, "Unsupported Media Type", e.getMessage())
                .withHeader("Accept", Replies.ACCEPT),
            "unsupported_body");
      }
      throw Replies.refusal(
          400, "Bad Request", "malformed body " + type + ": " + e.getMessage(), "bad_body");
    }
    Optional<SessionDescription> description = Optional.empty();
    if (body.sdp().isPresent()) {
      try {
        description = Optional.of(sdp.parse(body.sdp().get()));
      } catch (SdpException e) {
        throw Replies.refusal(400, "Bad Request", "malformed SDP: " + e.getMessage(), "bad_sdp");
      }
    }
    Optional<RecordingMetadata> parsed = Optional.empty();
    if (body.metadata().isPresent()) {
      try {
        parsed = Optional.of(metadata.parse(body.metadata().get()));
      } catch (MetadataException e) {
        throw Replies.refusal(
            400, "Bad Request", "bad metadata: " + e.getMessage(), "bad_metadata");
      }
    }
    return new Offered(description, parsed);
  }
}
