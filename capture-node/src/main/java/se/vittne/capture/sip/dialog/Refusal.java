package se.vittne.capture.sip.dialog;

import se.vittne.capture.sip.message.Reply;

/**
 * A request that is answered with an error, with the reason counted under {@code metric}. Thrown
 * inside the dialog logic, never outside it.
 */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Reply reply;
  private final String metric;

  Refusal(Reply reply, String metric) {
    super(reply.status() + " " + reply.reason(), null, false, false);
    this.reply = reply;
    this.metric = metric;
  }

  Reply reply() {
    return reply;
  }

  String metric() {
    return metric;
  }
}
