package se.vittne.capture.sip.dialog;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import se.vittne.capture.sip.message.Reply;

/** The 200 responses of a recording session. */
final class OkReplies {
  private OkReplies() {}

  /**
   * The answer to the INVITE: our Contact (with {@code +sip.srs}), capabilities, {@code Require:
   * siprec} for SIPREC sessions (RFC 7866 section 6.1.1), the session timer, the SDP answer.
   */
  static Reply answer(boolean siprec, String sdp, SessionTimer.Outcome timer) {
    Reply ok =
        Reply.of(200, "OK")
            .withContact()
            .withHeader("Allow", Replies.ALLOW)
            .withHeader("Supported", Replies.SUPPORTED)
            .withHeader("Accept", Replies.ACCEPT);
    if (siprec) {
      ok = ok.withHeader("Require", "siprec");
    }
    return withTimer(ok, timer).withBody("application/sdp", sdp.getBytes(StandardCharsets.UTF_8));
  }

  /** The answer to a re-INVITE or UPDATE, with SDP when one is due. */
  static Reply modified(Optional<String> sdp, SessionTimer.Outcome timer) {
    Reply ok =
        withTimer(
            Reply.of(200, "OK")
                .withContact()
                .withHeader("Allow", Replies.ALLOW)
                .withHeader("Supported", Replies.SUPPORTED),
            timer);
    return sdp.map(s -> ok.withBody("application/sdp", s.getBytes(StandardCharsets.UTF_8)))
        .orElse(ok);
  }

  private static Reply withTimer(Reply reply, SessionTimer.Outcome negotiated) {
    if (negotiated instanceof SessionTimer.Outcome.Use use) {
      reply = reply.withHeader("Session-Expires", use.timer().sessionExpiresHeader());
      if (use.timer().requireTimer()) {
        reply = reply.withHeader("Require", "timer");
      }
    }
    return reply;
  }
}
