package se.vittne.admin.recordings.detail;

import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.vittne.admin.access.Principal;
import se.vittne.admin.evaluation.EvaluationService;
import se.vittne.admin.evaluation.EvaluationViews.RecordingEvaluation;
import se.vittne.admin.notes.NotesService;
import se.vittne.admin.notes.NotesService.NotesView;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingSummary;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.storage.recording.ChannelQuality;
import se.vittne.storage.recording.Recording;

/** GET a recording's page: everything the player page shows about it but the audio. */
public final class RecordingDetailApi implements RouteModule {
  private final RecordingAccess access;
  private final NotesService notes;
  private final EvaluationService evaluation;

  public RecordingDetailApi(
      RecordingAccess access, NotesService notes, EvaluationService evaluation) {
    this.access = access;
    this.notes = notes;
    this.evaluation = evaluation;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(
            RecordingsApi.RECORDING,
            VIEW_RECORDINGS,
            (ctx, p) -> ctx.json(detail(p, Params.id(ctx, "recordingId"))))
        .doc("Recordings", "A recording: its columns, decision, quality, notes and evaluation")
        .returns(200, "The recording", RecordingDetail.class)
        .status(404, "No such recording (or not one this login may see)");
  }

  /** The recording's page, for the API and the web app alike. */
  public RecordingDetail detail(Principal p, UUID id) {
    Recording r = access.find(p, id);
    NotesView note = notes.notes(p, id);
    RecordingEvaluation answers = evaluation.answers(p, id);
    RecordingSummary summary =
        RecordingSummary.of(
            r,
            note.tag(),
            note.flag(),
            answers.evaluated(),
            access.settings(p.tenantId()).timeZone());
    return new RecordingDetail(
        summary,
        r.call().callId(),
        new RecordingDetail.Decision(
            r.policy().rule(),
            r.policy().explanation().swedish(),
            r.policy().explanation().english(),
            r.policy().policyVersion(),
            r.policy().consentBasis()),
        new RecordingDetail.QualityView(
            r.quality().oneWayAudio(), r.quality().gaps(), channels(r.quality().channels())),
        new RecordingDetail.AudioView(
            r.audio().codecs(),
            r.audio().channels(),
            r.audio().sampleRate(),
            r.audio().sizeBytes(),
            r.audio().sha256()),
        note,
        answers,
        r.recovered());
  }

  private static List<RecordingDetail.ChannelView> channels(List<ChannelQuality> channels) {
    List<RecordingDetail.ChannelView> views = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      ChannelQuality c = channels.get(i);
      long expected = c.packets() + c.lost();
      double loss = expected == 0 ? 0 : round(100.0 * c.lost() / expected);
      views.add(
          new RecordingDetail.ChannelView(
              i,
              c.packets(),
              c.lost(),
              loss,
              c.late(),
              c.duplicates(),
              c.jitterMs(),
              round(100 * c.silenceShare())));
    }
    return views;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
