package se.vittne.capture.session;

import se.vittne.capture.media.MediaSession;
import se.vittne.capture.sip.SessionControl;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.policy.RecordingPolicy;

/**
 * A session in progress. Its fields change only in the session's own callbacks, which the SIP layer
 * never runs concurrently for one session.
 */
final class ActiveSession {
  final RecordingPolicy policy;
  final Trunk trunk;
  final SessionControl control;
  SessionManifest manifest;
  MediaSession media;

  /** Whether the SRC has paused the recording (hold, inactive): no media is expected then. */
  boolean paused;

  ActiveSession(
      RecordingPolicy policy, Trunk trunk, SessionControl control, SessionManifest manifest) {
    this.policy = policy;
    this.trunk = trunk;
    this.control = control;
    this.manifest = manifest;
  }
}
