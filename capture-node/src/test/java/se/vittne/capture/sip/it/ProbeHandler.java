package se.vittne.capture.sip.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import se.vittne.capture.media.MediaException;
import se.vittne.capture.media.MediaSessionSpec;
import se.vittne.capture.sip.RecordingSessionHandler;
import se.vittne.capture.sip.SessionAnswer;
import se.vittne.capture.sip.SessionEnd;
import se.vittne.capture.sip.SessionMedia;
import se.vittne.capture.sip.SessionOffer;
import se.vittne.capture.sip.SessionUpdate;

/**
 * The session layer as the signalling tests need it: opens real media through the {@link
 * UdpSinkMediaEngine}, applies updates, finishes media at the end, and records every callback for
 * assertions. Request-URI users steer it: {@code slow} answers after two seconds (to let a CANCEL
 * overtake the answer), {@code busy} refuses with 486.
 */
public final class ProbeHandler implements RecordingSessionHandler {
  private final UdpSinkMediaEngine engine;
  private final List<SessionOffer> offers = new CopyOnWriteArrayList<>();
  private final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
  private final List<SessionEnd> ends = new CopyOnWriteArrayList<>();
  private final Map<String, UdpSinkMediaEngine.Sink> media = new ConcurrentHashMap<>();

  public ProbeHandler(UdpSinkMediaEngine engine) {
    this.engine = engine;
  }

  @Override
  public SessionAnswer onOffer(SessionOffer offer) {
    offers.add(offer);
    String uri = offer.identities().requestUri();
    if (uri.contains("sip:busy@")) {
      return SessionAnswer.refuse(486, "Busy Here");
    }
    if (uri.contains("sip:slow@")) {
      sleep(Duration.ofSeconds(2));
    }
    try {
      UdpSinkMediaEngine.Sink sink =
          engine.open(
              new MediaSessionSpec(offer.sessionId(), offer.callId(), 2, false), offer.streams());
      media.put(offer.sessionId(), sink);
      return SessionAnswer.accept(sink.endpoints());
    } catch (MediaException e) {
      return SessionMedia.refusal(e);
    }
  }

  @Override
  public SessionAnswer onUpdate(SessionUpdate update) {
    updates.add(update);
    UdpSinkMediaEngine.Sink sink = media.get(update.sessionId());
    try {
      return SessionAnswer.accept(SessionMedia.apply(sink, update));
    } catch (MediaException e) {
      return SessionMedia.refusal(e);
    }
  }

  @Override
  public void onEnd(SessionEnd end) {
    ends.add(end);
    UdpSinkMediaEngine.Sink sink = media.remove(end.sessionId());
    if (sink != null) {
      sink.finish();
    }
  }

  public List<SessionOffer> offers() {
    return offers;
  }

  public List<SessionUpdate> updates() {
    return updates;
  }

  public List<SessionEnd> ends() {
    return ends;
  }

  public Optional<UdpSinkMediaEngine.Sink> media(String sessionId) {
    return Optional.ofNullable(media.get(sessionId));
  }

  /** The offer whose Call-ID matches, once it has arrived. */
  public SessionOffer awaitOffer(Predicate<SessionOffer> which, Duration timeout) {
    return await(() -> offers.stream().filter(which).findFirst(), timeout, "offer");
  }

  /** The end of a session, once it has been reported. */
  public SessionEnd awaitEnd(String sessionId, Duration timeout) {
    return await(
        () -> ends.stream().filter(e -> e.sessionId().equals(sessionId)).findFirst(),
        timeout,
        "end of " + sessionId);
  }

  private static <T> T await(
      java.util.function.Supplier<Optional<T>> probe, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      sleep(Duration.ofMillis(20));
    }
    throw new AssertionError("no " + what + " within " + timeout);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
