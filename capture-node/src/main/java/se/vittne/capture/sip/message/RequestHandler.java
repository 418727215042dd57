package se.vittne.capture.sip.message;

import java.util.Optional;

/**
 * What the stack adapter hands requests to. Called on stack threads: implementations must return
 * quickly and never block.
 */
public interface RequestHandler {

  /**
   * A request other than ACK and CANCEL.
   *
   * @param dialog the dialog an INVITE creates or an in-dialog request belongs to, when the stack
   *     has one
   */
  void onRequest(ServerExchange exchange, Optional<DialogHandle> dialog);

  /** An ACK for a 2xx, inside the dialog with this key. */
  void onAck(String dialogKey);

  /** A CANCEL for this INVITE, already answered: 200 to the CANCEL and 487 to the INVITE if due. */
  void onCancel(ServerExchange invite);

  /** The stack gave up on a dialog (no ACK for the 2xx, transport failure). */
  void onDialogFailed(String dialogKey, String reason);
}
