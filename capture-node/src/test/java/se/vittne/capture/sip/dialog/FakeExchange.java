package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Headers;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Peer;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.ServerExchange;

/** An in-memory exchange for the dialog logic's unit tests: records what would be sent. */
final class FakeExchange implements ServerExchange {
  private final InboundRequest request;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private boolean completed;

  FakeExchange(InboundRequest request) {
    this.request = request;
  }

  static Builder request(String method, String callId) {
    return new Builder(method, callId);
  }

  @Override
  public InboundRequest request() {
    return request;
  }

  @Override
  public synchronized boolean reply(Reply reply) {
    if (completed) {
      return false;
    }
    if (reply.status() >= 200) {
      completed = true;
    }
    replies.add(reply);
    return true;
  }

  @Override
  public synchronized boolean completed() {
    return completed;
  }

  /** What the stack does on CANCEL: 487 unless a final response went out. */
  boolean cancel() {
    return reply(Reply.of(487, "Request Terminated"));
  }

  /** The next final response, waiting for it. */
  Reply finalReply() throws InterruptedException {
    while (true) {
      Reply reply = replies.poll(5, TimeUnit.SECONDS);
      if (reply == null) {
        throw new AssertionError("no final response to " + request.method());
      }
      if (reply.status() >= 200) {
        return reply;
      }
    }
  }

  /** Whether nothing (more) is sent within the wait. */
  boolean silentFor(Duration wait) throws InterruptedException {
    return replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  static String body(Reply reply) {
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  static Optional<String> header(Reply reply, String name) {
    return reply.headers().stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(HeaderField::value)
        .findFirst();
  }

  /** Builds requests from the PBX at 127.0.0.1. */
  static final class Builder {
    private final String method;
    private final String callId;
    private String uri = "sip:srs@127.0.0.1";
    private final List<HeaderField> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private Optional<String> toTag = Optional.empty();
    private String source = "127.0.0.1";

    Builder(String method, String callId) {
      this.method = method;
      this.callId = callId;
    }

    Builder uri(String value) {
      this.uri = value;
      return this;
    }

    Builder header(String name, String value) {
      headers.add(new HeaderField(name, value));
      return this;
    }

    Builder sdp(String sdp) {
      headers.add(new HeaderField("Content-Type", "application/sdp"));
      body = sdp.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Builder inDialog() {
      toTag = Optional.of("ourtag");
      return this;
    }

    Builder from(String address) {
      this.source = address;
      return this;
    }

    FakeExchange build() throws Exception {
      List<HeaderField> all = new ArrayList<>(headers);
      all.add(new HeaderField("From", "<sip:src@127.0.0.1>;tag=src"));
      all.add(new HeaderField("To", "<sip:srs@127.0.0.1>"));
      return new FakeExchange(
          new InboundRequest(
              method,
              uri,
              new Headers(all),
              body,
              new Peer(
                  new InetSocketAddress(InetAddress.getByName(source), 5060),
                  SipTransport.UDP,
                  List.of()),
              callId,
              "src",
              toTag));
    }
  }
}
