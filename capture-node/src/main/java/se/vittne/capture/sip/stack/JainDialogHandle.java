package se.vittne.capture.sip.stack;

import java.text.ParseException;
import java.util.List;
import java.util.function.IntConsumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.message.DialogHandle;
import se.vittne.capture.sip.message.HeaderField;

/** A JAIN-SIP dialog, for BYE and refresh UPDATEs from our side. */
final class JainDialogHandle implements DialogHandle {
  private static final Logger LOG = LoggerFactory.getLogger(JainDialogHandle.class);

  private final JainSipEndpoint endpoint;
  private final Dialog dialog;
  private final String key;
  private final SipTransport transport;

  JainDialogHandle(JainSipEndpoint endpoint, Dialog dialog, String key, SipTransport transport) {
    this.endpoint = endpoint;
    this.dialog = dialog;
    this.key = key;
    this.transport = transport;
  }

  String key() {
    return key;
  }

  @Override
  public void sendBye(String reason) {
    try {
      Request bye = dialog.createRequest(Request.BYE);
      String text = reason.replace("\\", "").replace("\"", "'");
      bye.addHeader(
          endpoint.headerFactory().createHeader("Reason", "Q.850;cause=16;text=\"" + text + "\""));
      bye.setHeader(endpoint.headerFactory().createHeader("User-Agent", endpoint.userAgent()));
      ClientTransaction transaction = endpoint.provider().getNewClientTransaction(bye);
      dialog.sendRequest(transaction);
    } catch (SipException | ParseException | RuntimeException e) {
      LOG.warn("cannot send BYE in {}: {}", key, e.toString());
    }
  }

  @Override
  public void sendUpdate(List<HeaderField> headers, IntConsumer onFinalStatus) {
    try {
      Request update = dialog.createRequest(Request.UPDATE);
      for (HeaderField field : headers) {
        HeaderValues.add(update, endpoint.headerFactory(), field);
      }
      update.setHeader(
          endpoint.headerFactory().createHeader("Contact", endpoint.contact(transport)));
      ClientTransaction transaction = endpoint.provider().getNewClientTransaction(update);
      transaction.setApplicationData(onFinalStatus);
      dialog.sendRequest(transaction);
    } catch (SipException | ParseException | RuntimeException e) {
      LOG.warn("cannot send UPDATE in {}: {}", key, e.toString());
      onFinalStatus.accept(408);
    }
  }
}
