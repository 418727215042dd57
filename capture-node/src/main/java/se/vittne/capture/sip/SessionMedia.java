package se.vittne.capture.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaException;
import se.vittne.capture.media.MediaSession;
import se.vittne.capture.media.StreamSpec;

/** Glue between signalling's offers and updates and a media session, for handlers. */
public final class SessionMedia {
  private SessionMedia() {}

  /**
   * Applies an update's stream changes to a media session: removes, changes, then adds streams, and
   * returns the endpoints of all live streams to answer with.
   */
  public static List<LocalEndpoint> apply(MediaSession media, SessionUpdate update)
      throws MediaException {
    for (String label : update.removed()) {
      media.removeStream(label);
    }
    for (StreamSpec stream : update.changed()) {
      media.updateStream(stream);
    }
    Map<String, LocalEndpoint> byLabel = new LinkedHashMap<>();
    for (LocalEndpoint endpoint : media.endpoints()) {
      byLabel.put(endpoint.label(), endpoint);
    }
    for (StreamSpec stream : update.added()) {
      byLabel.put(stream.label(), media.addStream(stream));
    }
    List<LocalEndpoint> live = new ArrayList<>();
    for (StreamSpec stream : update.streams()) {
      LocalEndpoint endpoint = byLabel.get(stream.label());
      if (endpoint != null) {
        live.add(endpoint);
      }
    }
    return live;
  }

  /** The refusal that fits a media failure: 503 for capacity and spool, 488 for formats. */
  public static SessionAnswer.Refuse refusal(MediaException e) {
    return switch (e.kind()) {
      case NO_PORTS -> SessionAnswer.refuse(503, "Service Unavailable - no media ports");
      case SPOOL_UNAVAILABLE ->
          SessionAnswer.refuse(503, "Service Unavailable - spool unavailable");
      case UNSUPPORTED_FORMAT ->
          SessionAnswer.refuse(488, "Not Acceptable Here - no supported codec");
      case INVALID_REQUEST -> SessionAnswer.refuse(488, "Not Acceptable Here - " + e.getMessage());
    };
  }
}
