package se.vittne.capture.sip.message;

/** One received request and the means to answer it. Safe to use from any thread. */
public interface ServerExchange {

  InboundRequest request();

  /**
   * Sends a response. Provisional responses may be sent any number of times before the final one;
   * only the first final response is sent.
   *
   * @return false when a final response had already been sent (e.g. 487 after CANCEL) or sending
   *     failed, so this one was not
   */
  boolean reply(Reply reply);

  /** Whether a final response has been sent, by us or by the stack (487 after CANCEL). */
  boolean completed();
}
