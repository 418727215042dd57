package se.vittne.capture.loadgen;

import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.vittne.capture.loadgen.rtp.RtpStream;
import se.vittne.capture.loadgen.sip.MessageBodies;
import se.vittne.capture.loadgen.sip.SdpAnswer;
import se.vittne.capture.loadgen.sip.SipDialog;
import se.vittne.capture.loadgen.sip.SipMessage;
import se.vittne.capture.loadgen.sip.SipParseException;
import se.vittne.capture.loadgen.sip.SipRequests;
import se.vittne.capture.loadgen.sip.SiprecOffer;

/**
 * One SIPREC recording session from the client's side: the INVITE client transaction (RFC 3261
 * section 17.1.1, Timer A retransmissions over UDP, Timer B), the ACK, media for the hold time,
 * then the BYE's non-INVITE transaction (section 17.1.2, Timers E and F). Answers a BYE or OPTIONS
 * from the recorder. Used by the generator's event loop only.
 */
final class SiprecCall implements LoadCall {
  private enum Phase {
    IDLE,
    CALLING,
    PROCEEDING,
    MEDIA,
    HANGING_UP,
    DONE
  }

  private final int index;
  private final CallContext context;
  private final SipRequests requests;
  private final SipDialog dialog;
  private final SiprecOffer offer;
  private final String caller;
  private final String callee;
  private Phase phase = Phase.IDLE;
  private CallOutcome.State state = CallOutcome.State.NOT_PLACED;
  private String failure = "";
  private int statusCode;
  private long inviteSentAt;
  private long setupMillis = -1;
  private final Transaction invite = new Transaction();
  private final Transaction bye = new Transaction();
  private byte[] ack;
  private List<RtpStream> streams = List.of();
  private int running;

  SiprecCall(
      int index,
      CallContext context,
      SipRequests requests,
      SipDialog dialog,
      SiprecOffer offer,
      String caller,
      String callee) {
    this.index = index;
    this.context = context;
    this.requests = requests;
    this.dialog = dialog;
    this.offer = offer;
    this.caller = caller;
    this.callee = callee;
  }

  String callId() {
    return dialog.callId();
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void start() {
    phase = Phase.CALLING;
    state = CallOutcome.State.FAILED;
    invite.branch = context.newBranch();
    invite.message = requests.invite(dialog, invite.branch, offer.body(), SiprecOffer.CONTENT_TYPE);
    inviteSentAt = context.nanoTime();
    invite.start(this::retransmitInvite, this::inviteTimedOut);
  }

  /** Routes a response or an in-dialog request from the recorder. */
  void onMessage(SipMessage message) {
    if (!message.isResponse()) {
      onRequest(message);
    } else if (message.cseqMethod().equals("INVITE")
        && message.topViaBranch().equals(invite.branch)) {
      onInviteResponse(message);
    } else if (message.cseqMethod().equals("BYE") && message.topViaBranch().equals(bye.branch)) {
      onByeResponse(message);
    }
  }

  private void onInviteResponse(SipMessage response) {
    int code = response.statusCode();
    if (code < 200) {
      if (phase == Phase.CALLING) {
        phase = Phase.PROCEEDING; // a provisional response stops Timer A (17.1.1.2)
        invite.cancelRetransmit();
      }
    } else if (code < 300) {
      if (phase == Phase.CALLING || phase == Phase.PROCEEDING) {
        answered(response);
      } else if (ack != null) {
        context.sendSip(ack); // a retransmitted 2xx is acknowledged again (13.2.2.4)
      }
    } else if (phase == Phase.CALLING || phase == Phase.PROCEEDING) {
      invite.stop();
      statusCode = code;
      ack = requests.ackFailure(dialog, invite.branch, response);
      context.sendSip(ack);
      end(CallOutcome.State.FAILED, Integer.toString(code));
    } else if (state == CallOutcome.State.FAILED && ack != null) {
      context.sendSip(ack); // a retransmitted final response (17.1.1.2)
    }
  }

  private void answered(SipMessage response) {
    invite.stop();
    statusCode = response.statusCode();
    setupMillis = (context.nanoTime() - inviteSentAt) / 1_000_000;
    dialog.confirm(response);
    ack = requests.ack(dialog, context.newBranch());
    context.sendSip(ack);
    List<InetSocketAddress> destinations = new ArrayList<>();
    List<Integer> payloadTypes = new ArrayList<>();
    try {
      Optional<String> sdp = MessageBodies.sdp(response);
      if (sdp.isPresent()) {
        List<SdpAnswer.Media> media = SdpAnswer.parse(sdp.get()).media();
        for (int i = 0; i < Math.min(media.size(), offer.streams().size()); i++) {
          SdpAnswer.Media answered = media.get(i);
          destinations.add(answered.receives() ? destination(answered) : null);
          payloadTypes.add(answered.payloadTypeFor(offer.codec()));
        }
      }
    } catch (SipParseException e) {
      destinations.clear();
    }
    phase = Phase.MEDIA;
    state = CallOutcome.State.COMPLETED;
    if (destinations.stream().allMatch(d -> d == null)) {
      // The recorder declined every stream (port 0, RFC 3264 section 6), as a recorder does for a
      // call it must not record: the session stays up for the call's length, without media.
      context.schedule(
          () -> {
            if (phase == Phase.MEDIA) {
              hangUp();
            }
          },
          context.hold());
      return;
    }
    streams = context.startMedia(this, destinations, payloadTypes);
    running = streams.size();
  }

  private static InetSocketAddress destination(SdpAnswer.Media media) {
    return new InetSocketAddress(media.address().orElseThrow(), media.port());
  }

  @Override
  public void onStreamFinished(RtpStream stream) {
    if (--running == 0 && phase == Phase.MEDIA) {
      hangUp();
    }
  }

  private void hangUp() {
    phase = Phase.HANGING_UP;
    bye.branch = context.newBranch();
    bye.message = requests.bye(dialog, bye.branch);
    bye.start(this::retransmitBye, () -> end(CallOutcome.State.BYE_FAILED, "bye-timeout"));
  }

  private void onByeResponse(SipMessage response) {
    int code = response.statusCode();
    if (phase != Phase.HANGING_UP) {
      return;
    }
    if (code < 200) {
      bye.provisional = true;
      return;
    }
    bye.stop();
    if (!failure.isEmpty()) {
      end(CallOutcome.State.FAILED, failure);
    } else if (code < 300) {
      end(CallOutcome.State.COMPLETED, "");
    } else {
      end(CallOutcome.State.BYE_FAILED, "bye-" + code);
    }
  }

  /** The recorder may end the session (BYE) or probe it (OPTIONS); anything else is refused. */
  private void onRequest(SipMessage request) {
    switch (request.method()) {
      case "ACK" -> {}
      case "BYE" -> {
        context.sendSip(SipRequests.response(request, 200, "OK", dialog.localTag()));
        if (phase == Phase.MEDIA || phase == Phase.HANGING_UP) {
          streams.forEach(RtpStream::stop);
          invite.stop();
          bye.stop();
          end(CallOutcome.State.ENDED_BY_RECORDER, "ended-by-recorder");
        }
      }
      case "OPTIONS" ->
          context.sendSip(SipRequests.response(request, 200, "OK", dialog.localTag()));
      default ->
          context.sendSip(SipRequests.response(request, 501, "Not Implemented", dialog.localTag()));
    }
  }

  private void retransmitInvite() {
    if (phase == Phase.CALLING) {
      context.sendSip(invite.message);
      invite.scheduleRetransmit(this::retransmitInvite, context.timers().timerA(invite.sent++));
    }
  }

  private void retransmitBye() {
    if (phase == Phase.HANGING_UP) {
      context.sendSip(bye.message);
      bye.scheduleRetransmit(
          this::retransmitBye, context.timers().timerE(bye.sent++, bye.provisional));
    }
  }

  private void inviteTimedOut() {
    if (phase == Phase.CALLING || phase == Phase.PROCEEDING) {
      invite.stop();
      end(CallOutcome.State.FAILED, "timeout");
    }
  }

  @Override
  public void abort() {
    switch (phase) {
      case IDLE -> end(CallOutcome.State.NOT_PLACED, "");
      case MEDIA -> {
        streams.forEach(RtpStream::stop);
        context.sendSip(requests.bye(dialog, context.newBranch())); // best effort, not awaited
        end(CallOutcome.State.ABORTED, "aborted");
      }
      case DONE -> {}
      default -> {
        invite.stop();
        bye.stop();
        end(CallOutcome.State.ABORTED, "aborted");
      }
    }
  }

  private void end(CallOutcome.State endState, String reason) {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    state = endState;
    failure = reason;
    context.callEnded(this);
  }

  @Override
  public boolean ended() {
    return phase == Phase.DONE;
  }

  @Override
  public CallOutcome outcome() {
    return new CallOutcome(
        index,
        dialog.callId(),
        caller,
        callee,
        state,
        statusCode,
        failure,
        setupMillis,
        Streams.outcomes(streams));
  }

  /** A client transaction's message and timers. */
  private final class Transaction {
    String branch = "";
    byte[] message;
    int sent;
    boolean provisional;
    ScheduledFuture<?> retransmit;
    ScheduledFuture<?> timeout;

    /** Sends, then arms retransmission (UDP only) and the timeout (B or F). */
    void start(Runnable retransmitTask, Runnable timeoutTask) {
      context.sendSip(message);
      if (!context.reliableSip()) {
        scheduleRetransmit(retransmitTask, context.timers().timerA(sent++));
      }
      timeout = context.schedule(timeoutTask, context.timers().transactionTimeout());
    }

    void scheduleRetransmit(Runnable task, Duration delay) {
      retransmit = context.schedule(task, delay);
    }

    void cancelRetransmit() {
      if (retransmit != null) {
        retransmit.cancel(false);
      }
    }

    void stop() {
      cancelRetransmit();
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }
}
