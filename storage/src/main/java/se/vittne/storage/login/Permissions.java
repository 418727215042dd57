package se.vittne.storage.login;

/** The per-login flags of R-14. */
public record Permissions(boolean mayListen, boolean mayDownload, boolean mayEmail) {
  public static final Permissions LISTEN_ONLY = new Permissions(true, false, false);
  public static final Permissions ALL = new Permissions(true, true, true);
  public static final Permissions NONE = new Permissions(false, false, false);
}
