package se.vittne.admin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.AuthSettings;
import se.vittne.admin.deletion.DeletionApi;
import se.vittne.admin.deletion.DeletionService;
import se.vittne.admin.download.DownloadApi;
import se.vittne.admin.download.DownloadService;
import se.vittne.admin.evaluation.EvaluationApi;
import se.vittne.admin.evaluation.EvaluationService;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.notes.NotesApi;
import se.vittne.admin.notes.NotesService;
import se.vittne.admin.overview.OverviewApi;
import se.vittne.admin.overview.OverviewService;
import se.vittne.admin.playback.ListeningSessions;
import se.vittne.admin.playback.PlaybackApi;
import se.vittne.admin.playback.Waveforms;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingSearch;
import se.vittne.admin.recordings.RecordingService;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.recordings.detail.RecordingDetailApi;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.sharing.SharedLinkPage;
import se.vittne.admin.sharing.SharingApi;
import se.vittne.admin.sharing.SharingService;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.jobs.DeletionJob;
import se.vittne.storage.jobs.RecordingEraser;
import se.vittne.storage.jobs.RetentionJob;
import se.vittne.storage.jobs.StorageJobs;

/**
 * The recordings half of the admin process (issue 8): search, playback, download, notes and
 * evaluation, sharing, deletion and the overview, assembled from one set of services that the web
 * app shares ({@link #services}); and storage's retention and deletion jobs, which this process
 * runs so that a deletion is carried out within the hour even where no capture node runs them.
 */
public final class RecordingModules {
  private RecordingModules() {}

  /**
   * The services the recordings endpoints are made of; the web app's pages call the same ones.
   *
   * @param access finds a login's recordings within its scope
   * @param search the R-51 search, streamed
   * @param recordings history and expiry
   * @param detail a recording's page
   * @param listening listening sessions (licences)
   * @param waveforms the player's waveform
   * @param downloads WAV and ZIP downloads
   * @param notes call notes
   * @param evaluation evaluation set-up and answers
   * @param sharing share by e-mail and shared links
   * @param deletions deletion requests
   * @param overview the start pages' counts
   */
  public record Services(
      RecordingAccess access,
      RecordingSearch search,
      RecordingService recordings,
      RecordingDetailApi detail,
      ListeningSessions listening,
      Waveforms waveforms,
      DownloadService downloads,
      NotesService notes,
      EvaluationService evaluation,
      SharingService sharing,
      DeletionService deletions,
      OverviewService overview) {}

  public static Services services(
      DSLContext dsl,
      AudioStore audio,
      Auditor auditor,
      Mailer mailer,
      Clock clock,
      MeterRegistry metrics,
      AuthSettings auth) {
    RecordingAccess access = new RecordingAccess(dsl);
    NotesService notes = new NotesService(dsl, access, auditor, clock);
    EvaluationService evaluation = new EvaluationService(dsl, access, auditor, clock);
    return new Services(
        access,
        new RecordingSearch(dsl, access, clock),
        new RecordingService(dsl, access, auditor, clock),
        new RecordingDetailApi(access, notes, evaluation),
        new ListeningSessions(dsl, access, auditor, clock, metrics),
        new Waveforms(dsl, audio, access, clock),
        new DownloadService(access, audio, auditor, clock),
        notes,
        evaluation,
        new SharingService(dsl, access, mailer, auditor, clock, auth::link),
        new DeletionService(dsl, access, clock),
        new OverviewService(dsl, access, clock));
  }

  /** Every recordings endpoint. */
  public static List<RouteModule> modules(Services s, AudioStore audio) {
    return List.of(
        new RecordingsApi(s.search(), s.recordings()),
        s.detail(),
        new PlaybackApi(s.listening(), s.waveforms(), audio),
        new DownloadApi(s.downloads(), audio),
        new NotesApi(s.notes()),
        new EvaluationApi(s.evaluation()),
        new SharingApi(s.sharing()),
        new SharedLinkPage(s.sharing(), audio),
        new DeletionApi(s.deletions()),
        new OverviewApi(s.overview()));
  }

  /** Starts retention and deletion on this node, when configured. */
  public static Optional<StorageJobs> startJobs(
      Optional<StorageJobs.Intervals> intervals,
      DataSource dataSource,
      DSLContext dsl,
      AudioStore audio,
      Clock clock) {
    return intervals.map(i -> {
      RecordingEraser eraser = new RecordingEraser(dsl, audio, clock);
      return StorageJobs.start(
          dataSource, new RetentionJob(dsl, eraser, clock), new DeletionJob(dsl, eraser, clock), i);
    });
  }
}
