package se.vittne.capture.sip.stack;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.TransactionExt;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Headers;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Peer;

/** Turns a JAIN-SIP request into an {@link InboundRequest}. */
final class RequestConverter {
  private RequestConverter() {}

  static InboundRequest convert(RequestEvent event, ServerTransaction transaction) {
    Request request = event.getRequest();
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    byte[] body = request.getRawContent();
    return new InboundRequest(
        request.getMethod().toUpperCase(Locale.ROOT),
        request.getRequestURI().toString(),
        headers(request),
        body == null ? new byte[0] : body,
        peer(event, transaction),
        callId.getCallId(),
        from.getTag() == null ? "" : from.getTag(),
        Optional.ofNullable(to.getTag()));
  }

  static String dialogKey(Request request) {
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    return callId.getCallId() + ";" + (from.getTag() == null ? "" : from.getTag());
  }

  // JAIN-SIP's API predates generics: its iterators are raw.
  @SuppressWarnings("unchecked")
  static Headers headers(Request request) {
    List<HeaderField> fields = new ArrayList<>();
    Iterator<String> names = request.getHeaderNames();
    while (names.hasNext()) {
      String name = names.next();
      ListIterator<Header> values = request.getHeaders(name);
      while (values.hasNext()) {
        Header header = values.next();
        fields.add(new HeaderField(header.getName(), value(header.toString())));
      }
    }
    if (request instanceof SIPMessage message) {
      ListIterator<String> unparsed = message.getUnrecognizedHeaders();
      while (unparsed.hasNext()) {
        String line = unparsed.next();
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.add(new HeaderField(line.substring(0, colon).strip(), value(line)));
        }
      }
    }
    return new Headers(fields);
  }

  private static String value(String encoded) {
    int colon = encoded.indexOf(':');
    return (colon >= 0 ? encoded.substring(colon + 1) : encoded).strip();
  }

  static String transport(Request request, ServerTransaction transaction) {
    if (transaction instanceof TransactionExt ext && ext.getTransport() != null) {
      return ext.getTransport().toUpperCase(Locale.ROOT);
    }
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null || via.getTransport() == null
        ? "UDP"
        : via.getTransport().toUpperCase(Locale.ROOT);
  }

  private static Peer peer(RequestEvent event, ServerTransaction transaction) {
    String host = null;
    int port = 0;
    if (event instanceof RequestEventExt ext) {
      host = ext.getRemoteIpAddress();
      port = ext.getRemotePort();
    }
    if (host == null && transaction instanceof TransactionExt ext) {
      host = ext.getPeerAddress();
      port = ext.getPeerPort();
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host == null ? "0.0.0.0" : host);
    } catch (UnknownHostException e) {
      address = InetAddress.getLoopbackAddress();
    }
    SipTransport transport =
        switch (transport(event.getRequest(), transaction)) {
          case "TCP" -> SipTransport.TCP;
          case "TLS" -> SipTransport.TLS;
          default -> SipTransport.UDP;
        };
    List<String> identities = List.of();
    if (transport == SipTransport.TLS && transaction instanceof TransactionExt ext) {
      try {
        identities = ext.extractCertIdentities();
      } catch (SSLPeerUnverifiedException | UnsupportedOperationException e) {
        identities = List.of();
      }
    }
    return new Peer(
        new InetSocketAddress(address, Math.max(0, port)),
        transport,
        identities == null ? List.of() : identities);
  }
}
