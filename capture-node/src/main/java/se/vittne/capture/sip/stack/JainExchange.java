package se.vittne.capture.sip.stack;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.ServerExchange;

/**
 * A request's server transaction. Final responses are sent once: whichever of the dialog logic and
 * a CANCEL (487) comes first wins.
 */
final class JainExchange implements ServerExchange {
  private static final Logger LOG = LoggerFactory.getLogger(JainExchange.class);

  private final JainSipEndpoint endpoint;
  private final ServerTransaction transaction;
  private final Request request;
  private final InboundRequest inbound;
  private final String localTag;
  private boolean completed;

  JainExchange(
      JainSipEndpoint endpoint,
      ServerTransaction transaction,
      Request request,
      InboundRequest inbound,
      String localTag) {
    this.endpoint = endpoint;
    this.transaction = transaction;
    this.request = request;
    this.inbound = inbound;
    this.localTag = localTag;
  }

  @Override
  public InboundRequest request() {
    return inbound;
  }

  @Override
  public synchronized boolean completed() {
    return completed;
  }

  @Override
  public synchronized boolean reply(Reply reply) {
    if (completed) {
      return false;
    }
    boolean last = reply.status() >= 200;
    try {
      transaction.sendResponse(build(reply));
      endpoint.metrics().response(inbound.method(), reply.status());
      return true;
    } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
      LOG.warn(
          "cannot send {} to {} {}: {}",
          reply.status(),
          inbound.method(),
          inbound.callId(),
          e.toString());
      return false;
    } finally {
      if (last) {
        completed = true;
      }
    }
  }

  /** Answers 487 to a cancelled INVITE, unless a final response went out first. */
  synchronized void cancelled() {
    if (!completed) {
      reply(Reply.of(487, "Request Terminated"));
    }
  }

  private Response build(Reply reply) throws ParseException {
    MessageFactory messages = endpoint.messageFactory();
    HeaderFactory headers = endpoint.headerFactory();
    Response response = messages.createResponse(reply.status(), request);
    response.setReasonPhrase(reply.reason());
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (reply.status() > 100 && to.getTag() == null) {
      to.setTag(localTag);
    }
    for (HeaderField field : reply.headers()) {
      HeaderValues.add(response, headers, field);
    }
    response.setHeader(headers.createHeader("Server", endpoint.userAgent()));
    if (reply.contact()) {
      response.setHeader(
          headers.createHeader("Contact", endpoint.contact(inbound.peer().transport())));
    }
    if (reply.contentType().isPresent()) {
      String[] type = reply.contentType().get().split("/", 2);
      ContentTypeHeader contentType = headers.createContentTypeHeader(type[0], type[1]);
      response.setContent(reply.body(), contentType);
    }
    return response;
  }
}
