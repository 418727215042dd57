package se.vittne.admin.playback;

import static se.vittne.admin.access.Permission.LISTEN_RECORDINGS;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import se.vittne.admin.access.Principal;
import se.vittne.admin.playback.ListeningSessions.ListeningSession;
import se.vittne.admin.playback.Waveforms.WaveformView;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.recording.Recording;

/**
 * The player: open a listening session (a licence), renew and close it, stream the
 * audio with range requests, and get the waveform. All need the "may listen" flag.
 */
public final class PlaybackApi implements RouteModule {
  private static final String TAG = "Playback";
  private static final String SESSIONS = RecordingsApi.RECORDING + "/listening-sessions";

  private final ListeningSessions sessions;
  private final Waveforms waveforms;
  private final AudioStore store;

  public PlaybackApi(ListeningSessions sessions, Waveforms waveforms, AudioStore store) {
    this.sessions = sessions;
    this.waveforms = waveforms;
    this.store = store;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(SESSIONS, LISTEN_RECORDINGS, this::open)
        .doc(TAG, "Open a player: take one of the tenant's licences (R-11)")
        .description(
            "The session holds a licence until it is closed or has not been renewed for "
                + ListeningSessions.TTL.toSeconds()
                + " s; renew it every renewAfterSeconds while the player is open. The audio is at"
                + " the returned address. Opening is audited (the recording's history shows who"
                + " listened). When every licence is in use the answer is 409 no-free-licence.")
        .returns(201, "The session", ListeningSession.class)
        .status(404, "No such recording (or not one this login may see)")
        .status(409, "Every licence of the tenant is in use (no-free-licence)");
    routes
        .put(SESSIONS + "/{sessionId}", LISTEN_RECORDINGS, this::renew)
        .doc(TAG, "Renew an open player's licence")
        .description("Takes the licence again if it lapsed, when one is free.")
        .returns(200, "The session, renewed", ListeningSession.class)
        .status(409, "It lapsed and every licence is in use (no-free-licence)");
    routes
        .delete(SESSIONS + "/{sessionId}", LISTEN_RECORDINGS, this::close)
        .doc(TAG, "Close a player: return its licence")
        .status(204, "Closed (also when it had ended already)");
    routes
        .get(RecordingsApi.RECORDING + "/audio", LISTEN_RECORDINGS, this::audio)
        .doc(TAG, "The recording's audio (WAV) for an open player, with HTTP range requests")
        .description(
            "Answers 200 with the whole file or, for a Range request, 206 with the range and its"
                + " Content-Range; 416 for a range outside the file. Each request extends the"
                + " session's licence.")
        .requiredQuery("session", UUID.class, "the listening session's ID")
        .returns(200, "The WAV file", AudioResponse.WAV, byte[].class)
        .returns(206, "Part of the WAV file", AudioResponse.WAV, byte[].class)
        .status(409, "The listening session has ended (listening-session-ended)")
        .status(416, "The range is outside the file");
    routes
        .get(RecordingsApi.RECORDING + "/waveform", LISTEN_RECORDINGS, this::waveform)
        .doc(TAG, "The recording's waveform peaks, per channel, for the player")
        .returns(200, "The waveform", WaveformView.class);
  }

  private void open(Context ctx, Principal p) {
    ctx.status(201).json(sessions.open(p, ClientInfo.of(ctx), Params.id(ctx, "recordingId")));
  }

  private void renew(Context ctx, Principal p) {
    ctx.json(sessions.renew(p, Params.id(ctx, "recordingId"), Params.id(ctx, "sessionId")));
  }

  private void close(Context ctx, Principal p) {
    sessions.close(p, Params.id(ctx, "recordingId"), Params.id(ctx, "sessionId"));
    ctx.status(204);
  }

  private void audio(Context ctx, Principal p) throws Exception {
    Recording recording =
        sessions.requireOpen(
            p, Params.id(ctx, "recordingId"), Params.query(ctx, "session").orElse(null));
    AudioResponse.send(ctx, store, recording.audio(), Optional.empty());
  }

  private void waveform(Context ctx, Principal p) throws Exception {
    ctx.json(waveforms.waveform(p, Params.id(ctx, "recordingId")));
  }
}
