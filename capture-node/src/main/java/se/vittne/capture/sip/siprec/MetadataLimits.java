package se.vittne.capture.sip.siprec;

/**
 * Bounds on a metadata document, so that a hostile or broken SRC cannot make the parser work
 * without end.
 *
 * @param maxBytes the largest document accepted
 * @param maxParticipants the most participants
 * @param maxStreams the most streams
 * @param maxElements the most XML elements in the document
 */
public record MetadataLimits(int maxBytes, int maxParticipants, int maxStreams, int maxElements) {
  public static final MetadataLimits DEFAULT = new MetadataLimits(64 * 1024, 32, 32, 4000);

  public MetadataLimits {
    if (maxBytes <= 0 || maxParticipants <= 0 || maxStreams <= 0 || maxElements <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
