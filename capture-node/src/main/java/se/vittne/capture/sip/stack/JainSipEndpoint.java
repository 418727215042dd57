package se.vittne.capture.sip.stack;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.ServerTransactionExt;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.RequestHandler;
import se.vittne.capture.sip.message.SipMetrics;

/**
 * A running JAIN-SIP stack with its listening points and the listener that feeds the dialog logic.
 * The listener only converts and dispatches; it never blocks a stack thread.
 */
public final class JainSipEndpoint implements SipListenerExt {
  private static final Logger LOG = LoggerFactory.getLogger(JainSipEndpoint.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SipStackImpl stack;
  private final SipProvider provider;
  private final MessageFactory messageFactory;
  private final HeaderFactory headerFactory;
  private final RequestHandler handler;
  private final SipMetrics metrics;
  private final InetAddress advertised;
  private final Map<SipTransport, Integer> ports;
  private final String userAgent;

  private JainSipEndpoint(
      SipStackImpl stack,
      SipProvider provider,
      SipFactory factory,
      RequestHandler handler,
      SipMetrics metrics,
      InetAddress advertised,
      Map<SipTransport, Integer> ports,
      String userAgent)
      throws PeerUnavailableException {
    this.stack = stack;
    this.provider = provider;
    this.messageFactory = factory.createMessageFactory();
    this.headerFactory = factory.createHeaderFactory();
    this.handler = handler;
    this.metrics = metrics;
    this.advertised = advertised;
    this.ports = ports;
    this.userAgent = userAgent;
  }

  /**
   * Starts a stack listening on the given ports (none may be 0).
   *
   * @param udpTcpPort the port for UDP and TCP
   * @param tlsPort the TLS port, used when the config has TLS
   * @throws IOException when a port cannot be bound
   */
  public static JainSipEndpoint start(
      SipServerConfig config,
      int udpTcpPort,
      int tlsPort,
      InetAddress advertised,
      RequestHandler handler,
      SipMetrics metrics)
      throws IOException {
    String name = "vittne-" + UUID.randomUUID();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    CountingMessageParserFactory.register(name, metrics::malformed);
    SipStackImpl stack;
    try {
      stack = (SipStackImpl) factory.createSipStack(StackProperties.of(name, config));
    } catch (PeerUnavailableException e) {
      CountingMessageParserFactory.unregister(name);
      throw new IOException("cannot create the SIP stack: " + e.getMessage(), e);
    }
    String address = config.bindAddress().getHostAddress();
    Map<SipTransport, Integer> ports = new EnumMap<>(SipTransport.class);
    try {
      SipProvider provider = null;
      for (SipTransport transport : config.transports()) {
        provider = listen(stack, provider, address, udpTcpPort, transport);
        ports.put(transport, udpTcpPort);
      }
      if (config.tls().isPresent()) {
        provider = listen(stack, provider, address, tlsPort, SipTransport.TLS);
        ports.put(SipTransport.TLS, tlsPort);
      }
      JainSipEndpoint endpoint =
          new JainSipEndpoint(
              stack, provider, factory, handler, metrics, advertised, ports, config.userAgent());
      provider.addSipListener(endpoint);
      stack.start();
      return endpoint;
    } catch (SipException
        | InvalidArgumentException
        | java.util.TooManyListenersException
        | RuntimeException e) {
      stack.stop();
      CountingMessageParserFactory.unregister(name);
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  private static SipProvider listen(
      SipStackImpl stack, SipProvider provider, String address, int port, SipTransport transport)
      throws SipException, InvalidArgumentException {
    ListeningPoint point =
        stack.createListeningPoint(address, port, transport.name().toLowerCase());
    if (provider == null) {
      return stack.createSipProvider(point);
    }
    provider.addListeningPoint(point);
    return provider;
  }

  /** The bound port of a transport, or -1 when not listening on it. */
  public int port(SipTransport transport) {
    return ports.getOrDefault(transport, -1);
  }

  /** Stops the stack and releases its sockets. */
  public void stop() {
    try {
      provider.removeSipListener(this);
      stack.deleteSipProvider(provider);
    } catch (ObjectInUseException | RuntimeException e) {
      LOG.debug("provider still in use at stop: {}", e.toString());
    }
    stack.stop();
    CountingMessageParserFactory.unregister(stack.getStackName());
  }

  // ---- what the exchanges and dialog handles use ----------------------------------------------

  MessageFactory messageFactory() {
    return messageFactory;
  }

  HeaderFactory headerFactory() {
    return headerFactory;
  }

  SipProvider provider() {
    return provider;
  }

  SipMetrics metrics() {
    return metrics;
  }

  String userAgent() {
    return userAgent;
  }

  /** Our Contact for responses and requests on a transport, with the SRS feature tag (RFC 7866). */
  String contact(SipTransport transport) {
    String host =
        advertised instanceof Inet6Address
            ? "[" + advertised.getHostAddress() + "]"
            : advertised.getHostAddress();
    int port = ports.getOrDefault(transport, ports.values().iterator().next());
    return "<sip:vittne@"
        + host
        + ":"
        + port
        + ";transport="
        + transport.name().toLowerCase()
        + ">;+sip.srs";
  }

  // ---- the listener ---------------------------------------------------------------------------

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    try {
      metrics.request(method, RequestConverter.transport(request, event.getServerTransaction()));
      switch (method) {
        case Request.ACK -> handler.onAck(dialogKey(event.getDialog(), request));
        case Request.CANCEL -> cancel(event);
        default -> dispatch(event);
      }
    } catch (RuntimeException e) {
      LOG.error("failed to handle {} {}", method, request.getRequestURI(), e);
    }
  }

  private void dispatch(RequestEvent event) {
    Request request = event.getRequest();
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null) {
      try {
        transaction = provider.getNewServerTransaction(request);
      } catch (TransactionAlreadyExistsException e) {
        return;
      } catch (TransactionUnavailableException e) {
        LOG.debug("no transaction for {}: {}", request.getMethod(), e.getMessage());
        return;
      }
    }
    InboundRequest inbound = RequestConverter.convert(event, transaction);
    JainExchange exchange = new JainExchange(this, transaction, request, inbound, newTag());
    transaction.setApplicationData(exchange);
    if (request instanceof gov.nist.javax.sip.message.SIPRequest sip
        && sip.getApplicationData() == CountingMessageParserFactory.UNSUPPORTED_VERSION) {
      metrics.malformed();
      exchange.reply(se.vittne.capture.sip.message.Reply.of(505, "Version Not Supported"));
      return;
    }
    Dialog dialog = transaction.getDialog() != null ? transaction.getDialog() : event.getDialog();
    Optional<JainDialogHandle> handle = Optional.ofNullable(dialog).map(d -> handle(d, inbound));
    handler.onRequest(exchange, handle.map(h -> h));
  }

  private JainDialogHandle handle(Dialog dialog, InboundRequest request) {
    if (dialog.getApplicationData() instanceof JainDialogHandle existing) {
      return existing;
    }
    JainDialogHandle created =
        new JainDialogHandle(this, dialog, request.dialogKey(), request.peer().transport());
    dialog.setApplicationData(created);
    return created;
  }

  private void cancel(RequestEvent event) {
    Request cancel = event.getRequest();
    ServerTransaction transaction = event.getServerTransaction();
    try {
      if (transaction == null) {
        transaction = provider.getNewServerTransaction(cancel);
      }
      ServerTransaction invite =
          transaction instanceof ServerTransactionExt ext
              ? ext.getCanceledInviteTransaction()
              : null;
      int status = invite == null ? 481 : 200;
      transaction.sendResponse(messageFactory.createResponse(status, cancel));
      metrics.response(Request.CANCEL, status);
      if (invite != null && invite.getApplicationData() instanceof JainExchange exchange) {
        exchange.cancelled();
        handler.onCancel(exchange);
      }
    } catch (TransactionAlreadyExistsException e) {
      LOG.trace("CANCEL retransmission");
    } catch (SipException | InvalidArgumentException | java.text.ParseException e) {
      LOG.warn("cannot answer CANCEL: {}", e.toString());
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    Response response = event.getResponse();
    if (transaction != null
        && response.getStatusCode() >= 200
        && transaction.getApplicationData() instanceof IntConsumer callback) {
      transaction.setApplicationData(null);
      callback.accept(response.getStatusCode());
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (!event.isServerTransaction()
        && event.getClientTransaction().getApplicationData() instanceof IntConsumer callback) {
      event.getClientTransaction().setApplicationData(null);
      callback.accept(408);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.debug(
        "transport error towards {}:{} ({})",
        event.getHost(),
        event.getPort(),
        event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // Nothing is kept per transaction beyond its application data.
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    Dialog dialog = event.getDialog();
    if (dialog.getApplicationData() instanceof JainDialogHandle handle) {
      handler.onDialogFailed(handle.key(), "dialog terminated by the stack");
    }
  }

  @Override
  public void processDialogTimeout(DialogTimeoutEvent event) {
    Dialog dialog = event.getDialog();
    if (dialog.getApplicationData() instanceof JainDialogHandle handle) {
      handler.onDialogFailed(handle.key(), "dialog timeout: " + event.getReason());
    }
  }

  private static String dialogKey(Dialog dialog, Request request) {
    if (dialog != null && dialog.getApplicationData() instanceof JainDialogHandle handle) {
      return handle.key();
    }
    return RequestConverter.dialogKey(request);
  }

  private static String newTag() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
