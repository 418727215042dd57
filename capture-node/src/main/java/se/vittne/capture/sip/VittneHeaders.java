package se.vittne.capture.sip;

/**
 * The headers a PBX may add to an INVITE (plain forked leg or SIPREC) to state call facts outright.
 * They are documented in {@code docs/siprec-integration.md}; values are case-insensitive.
 */
public final class VittneHeaders {
  /** {@code incoming}, {@code outgoing} or {@code internal}, seen from the recorded party. */
  public static final String DIRECTION = "X-Vittne-Direction";

  /** The recorded user: a SIP or tel URI, a number or an extension. */
  public static final String RECORDED_PARTY = "X-Vittne-Recorded-Party";

  /** The other party's number. */
  public static final String REMOTE_NUMBER = "X-Vittne-Remote-Number";

  /** The tenant's direct number (DDI) the caller dialled. */
  public static final String DDI = "X-Vittne-DDI";

  /** The answer group (hunt group, queue) the call came through. */
  public static final String GROUP = "X-Vittne-Group";

  /** The caller's consent from an IVR: {@code granted} or {@code refused}. */
  public static final String CONSENT = "X-Vittne-Consent";

  /** Intrado VIPER's direction header, read when {@link #DIRECTION} is absent. */
  public static final String VENDOR_CALL_DIRECTION = "X-Call-Direction";

  private VittneHeaders() {}
}
