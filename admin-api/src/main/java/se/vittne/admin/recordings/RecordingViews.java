package se.vittne.admin.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The bodies of the recordings endpoints that are not the list's rows. */
public final class RecordingViews {
  private RecordingViews() {}

  /**
   * One act in a recording's history.
   *
   * @param at when
   * @param actor who: a login's e-mail address, "system:retention", "system:deletion", or the
   *     recipient of a shared link
   * @param action what: LISTENED, DOWNLOADED, SHARED, SHARE_REVOKED, SHARE_OPENED, SHARE_PLAYED,
   *     NOTES_CHANGED, EVALUATED, EXPIRY_CHANGED, RECORDING_ERASED
   * @param details further facts of the act (the recipient of a share, the old and new expiry...)
   */
  public record HistoryEntry(
      Instant at, String actor, String action, Map<String, Object> details) {}

  /**
   * A new expiry date.
   *
   * @param expiresOn the day the recording is to be erased; after today
   */
  public record ExpiryInput(LocalDate expiresOn) {}

  /**
   * A recording's expiry date.
   *
   * @param id the recording
   * @param expiresOn the day it is erased
   */
  public record ExpiryView(java.util.UUID id, LocalDate expiresOn) {}

  /**
   * The shape of the streamed list, for the API description: the rows come as they are read.
   *
   * @param from the period's start
   * @param to the period's end (exclusive)
   * @param limit the limit applied (0: none)
   * @param items the rows
   * @param count how many rows were sent
   * @param truncated whether more rows match than the limit let through
   */
  public record RecordingList(
      Instant from,
      Instant to,
      int limit,
      java.util.List<RecordingSummary> items,
      long count,
      boolean truncated) {}
}
