package se.vittne.capture.loadgen.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's side of one recording session's dialog (RFC 3261 section 12): identifiers, the
 * remote target and the route set learnt from the 2xx, and the local CSeq. Deliberately mutable;
 * used by one thread.
 */
public final class SipDialog {
  private final String callId;
  private final String localUri;
  private final String localTag;
  private final String remoteUri;
  private final String requestUri;
  private final long inviteCseq;
  private String remoteTag;
  private String remoteTarget;
  private List<String> routeSet = List.of();
  private long lastCseq;

  /**
   * @param callId a globally unique Call-ID (section 8.1.1.4)
   * @param localUri the From URI
   * @param localTag the From tag (section 19.3)
   * @param remoteUri the To URI, also the INVITE's Request-URI
   */
  public SipDialog(String callId, String localUri, String localTag, String remoteUri) {
    this.callId = Objects.requireNonNull(callId, "callId");
    this.localUri = Objects.requireNonNull(localUri, "localUri");
    this.localTag = Objects.requireNonNull(localTag, "localTag");
    this.remoteUri = Objects.requireNonNull(remoteUri, "remoteUri");
    this.requestUri = remoteUri;
    this.remoteTarget = remoteUri;
    this.inviteCseq = 1;
    this.lastCseq = 1;
  }

  /**
   * Establishes the dialog from a 2xx to the INVITE (section 12.1.2): the To tag, the Contact as
   * remote target, and the Record-Route URIs in reverse order as the route set.
   */
  public void confirm(SipMessage response) {
    remoteTag = response.toTag().orElse(null);
    Optional<String> contact = response.header("Contact");
    contact.ifPresent(value -> remoteTarget = SipSyntax.uri(SipSyntax.splitList(value).get(0)));
    List<String> routes = new ArrayList<>(response.headerValues("Record-Route"));
    java.util.Collections.reverse(routes);
    routeSet = List.copyOf(routes);
  }

  /** The CSeq number of the next request in the dialog (section 12.2.1.1). */
  long nextCseq() {
    return ++lastCseq;
  }

  public String callId() {
    return callId;
  }

  public String localTag() {
    return localTag;
  }

  public Optional<String> remoteTag() {
    return Optional.ofNullable(remoteTag);
  }

  String localUri() {
    return localUri;
  }

  String remoteUri() {
    return remoteUri;
  }

  String requestUri() {
    return requestUri;
  }

  String remoteTarget() {
    return remoteTarget;
  }

  List<String> routeSet() {
    return routeSet;
  }

  long inviteCseq() {
    return inviteCseq;
  }
}
