package se.vittne.capture.sip.siprec;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code stream} (RFC 7865 section 6.6), tied to an SDP media section by its {@code a=label}.
 *
 * @param id the stream_id (or {@code id})
 * @param label the SDP label, if given
 * @param sessionId the session it belongs to, if given
 * @param mode {@code separate} or {@code mixed} in older dialects, if given
 */
public record MetadataStream(
    String id, Optional<String> label, Optional<String> sessionId, Optional<String> mode) {
  public MetadataStream {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(mode, "mode");
  }
}
