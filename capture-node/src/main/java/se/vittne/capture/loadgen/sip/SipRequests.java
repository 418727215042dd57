package se.vittne.capture.loadgen.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Builds the client's messages as bytes (RFC 3261 sections 8.1.1, 12.2.1.1, 13.2.2.4, 17.1.1.3 and
 * 8.2.6): every request carries Via with an RFC 3261 branch, Max-Forwards, From with tag, To,
 * Call-ID, CSeq and Content-Length.
 */
public final class SipRequests {
  /** The magic cookie that marks an RFC 3261 branch (section 8.1.1.7). */
  public static final String BRANCH_COOKIE = "z9hG4bK";

  private static final String CRLF = "\r\n";
  private static final String USER_AGENT = "vittne-loadgen";

  private final SipLocal local;

  public SipRequests(SipLocal local) {
    this.local = Objects.requireNonNull(local, "local");
  }

  /** The SIPREC INVITE (RFC 7866 section 6.1.1: {@code +sip.src} and {@code Require: siprec}). */
  public byte[] invite(SipDialog dialog, String branch, byte[] body, String contentType) {
    StringBuilder out = requestLine("INVITE", dialog.requestUri(), branch);
    out.append("From: <").append(dialog.localUri()).append(">;tag=").append(dialog.localTag());
    out.append(CRLF).append("To: <").append(dialog.remoteUri()).append('>').append(CRLF);
    out.append("Call-ID: ").append(dialog.callId()).append(CRLF);
    out.append("CSeq: ").append(dialog.inviteCseq()).append(" INVITE").append(CRLF);
    out.append("Contact: <sip:loadgen@").append(local.hostPort()).append(";transport=");
    out.append(local.transport().toLowerCase(java.util.Locale.ROOT)).append(">;+sip.src");
    out.append(CRLF);
    out.append("Require: siprec").append(CRLF);
    out.append("Allow: INVITE, ACK, BYE, CANCEL, OPTIONS").append(CRLF);
    out.append("Accept: application/sdp, application/rs-metadata+xml").append(CRLF);
    out.append("User-Agent: ").append(USER_AGENT).append(CRLF);
    out.append("Content-Type: ").append(contentType).append(CRLF);
    return finish(out, body);
  }

  /** The ACK of a 2xx: a new transaction to the remote target, along the route set (13.2.2.4). */
  public byte[] ack(SipDialog dialog, String branch) {
    StringBuilder out = requestLine("ACK", dialog.remoteTarget(), branch);
    appendRoutes(out, dialog.routeSet());
    appendDialogHeaders(out, dialog);
    out.append("CSeq: ").append(dialog.inviteCseq()).append(" ACK").append(CRLF);
    return finish(out, new byte[0]);
  }

  /**
   * The ACK of a non-2xx final response, part of the INVITE transaction (17.1.1.3): the INVITE's
   * Request-URI and branch, the response's To.
   */
  public byte[] ackFailure(SipDialog dialog, String inviteBranch, SipMessage response) {
    StringBuilder out = requestLine("ACK", dialog.requestUri(), inviteBranch);
    out.append("From: <").append(dialog.localUri()).append(">;tag=").append(dialog.localTag());
    out.append(CRLF)
        .append("To: ")
        .append(response.header("To").orElse("<" + dialog.remoteUri() + ">"));
    out.append(CRLF).append("Call-ID: ").append(dialog.callId()).append(CRLF);
    out.append("CSeq: ").append(dialog.inviteCseq()).append(" ACK").append(CRLF);
    return finish(out, new byte[0]);
  }

  /** A BYE within the dialog (15.1.1), with the next CSeq. */
  public byte[] bye(SipDialog dialog, String branch) {
    StringBuilder out = requestLine("BYE", dialog.remoteTarget(), branch);
    appendRoutes(out, dialog.routeSet());
    appendDialogHeaders(out, dialog);
    out.append("CSeq: ").append(dialog.nextCseq()).append(" BYE").append(CRLF);
    out.append("User-Agent: ").append(USER_AGENT).append(CRLF);
    return finish(out, new byte[0]);
  }

  /**
   * A response to a received request (8.2.6.2): Via, From, To, Call-ID and CSeq copied, a To tag
   * added when the request had none.
   */
  public static byte[] response(SipMessage request, int code, String reason, String localTag) {
    StringBuilder out = new StringBuilder(512);
    out.append("SIP/2.0 ").append(code).append(' ').append(reason).append(CRLF);
    for (String via : request.headerValues("Via")) {
      out.append("Via: ").append(via).append(CRLF);
    }
    out.append("From: ").append(request.header("From").orElse("")).append(CRLF);
    String to = request.header("To").orElse("");
    if (request.toTag().isEmpty()) {
      to = to + ";tag=" + localTag;
    }
    out.append("To: ").append(to).append(CRLF);
    out.append("Call-ID: ").append(request.callId()).append(CRLF);
    out.append("CSeq: ").append(request.header("CSeq").orElse("")).append(CRLF);
    out.append("User-Agent: ").append(USER_AGENT).append(CRLF);
    return finish(out, new byte[0]);
  }

  private StringBuilder requestLine(String method, String requestUri, String branch) {
    StringBuilder out = new StringBuilder(1024);
    out.append(method).append(' ').append(requestUri).append(" SIP/2.0").append(CRLF);
    out.append("Via: SIP/2.0/").append(local.transport()).append(' ').append(local.hostPort());
    out.append(";branch=").append(branch).append(";rport").append(CRLF);
    out.append("Max-Forwards: 70").append(CRLF);
    return out;
  }

  private static void appendRoutes(StringBuilder out, List<String> routes) {
    for (String route : routes) {
      out.append("Route: ").append(route).append(CRLF);
    }
  }

  private static void appendDialogHeaders(StringBuilder out, SipDialog dialog) {
    out.append("From: <").append(dialog.localUri()).append(">;tag=").append(dialog.localTag());
    out.append(CRLF).append("To: <").append(dialog.remoteUri()).append('>');
    dialog.remoteTag().ifPresent(tag -> out.append(";tag=").append(tag));
    out.append(CRLF).append("Call-ID: ").append(dialog.callId()).append(CRLF);
  }

  private static byte[] finish(StringBuilder head, byte[] body) {
    head.append("Content-Length: ").append(body.length).append(CRLF).append(CRLF);
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] message = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, message, headBytes.length, body.length);
    return message;
  }
}
