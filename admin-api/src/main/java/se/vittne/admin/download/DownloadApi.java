package se.vittne.admin.download;

import static se.vittne.admin.access.Permission.DOWNLOAD_RECORDINGS;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.io.EofException;
import se.vittne.admin.access.Principal;
import se.vittne.admin.download.DownloadService.Download;
import se.vittne.admin.playback.AudioResponse;
import se.vittne.admin.playback.ContentDisposition;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.storage.audio.AudioStore;

/** Downloads: one WAV, or several as a ZIP streamed while it is built. */
public final class DownloadApi implements RouteModule {
  private static final String TAG = "Download";
  public static final String ZIP = "application/zip";

  private final DownloadService downloads;
  private final AudioStore store;

  public DownloadApi(DownloadService downloads, AudioStore store) {
    this.downloads = downloads;
    this.store = store;
  }

  /**
   * The recordings to put in a ZIP.
   *
   * @param ids their IDs, 1 to 1000
   */
  public record ZipRequest(List<UUID> ids) {}

  @Override
  public void register(Routes routes) {
    routes
        .get(RecordingsApi.RECORDING + "/download", DOWNLOAD_RECORDINGS, this::one)
        .doc(TAG, "Download the recording as a WAV file (R-54)")
        .description(
            "The file name holds the date and time, the user recorded, the other party's number"
                + " and the number dialled (Content-Disposition with filename*). Range requests"
                + " resume a download. Audited.")
        .returns(200, "The WAV file", AudioResponse.WAV, byte[].class)
        .returns(206, "Part of it", AudioResponse.WAV, byte[].class)
        .status(404, "No such recording (or not one this login may see)");
    routes
        .post("/api/v1/recordings/download", DOWNLOAD_RECORDINGS, this::zip)
        .doc(TAG, "Download several recordings as one ZIP file (R-54)")
        .description(
            "Send the IDs as JSON ({\"ids\": [...]}) or, from an HTML form, as repeated id="
                + " fields (with _csrf). Every ID must name a recording the login may see, or the"
                + " answer is 404 and nothing is sent. The ZIP is written while it is built; each"
                + " download is audited.")
        .body(ZipRequest.class)
        .returns(200, "The ZIP file", ZIP, byte[].class)
        .status(404, "An ID names no recording this login may see");
  }

  private void one(Context ctx, Principal p) throws Exception {
    Download d = downloads.one(p, ClientInfo.of(ctx), Params.id(ctx, "recordingId"));
    AudioResponse.send(ctx, store, d.recording().audio(), Optional.of(d.fileName()));
  }

  private void zip(Context ctx, Principal p) throws Exception {
    List<Download> chosen = downloads.several(p, ClientInfo.of(ctx), ids(ctx));
    ctx.status(200);
    ctx.contentType(ZIP);
    ctx.header("Content-Disposition", ContentDisposition.attachment(downloads.zipName(p)));
    ctx.disableCompression();
    try {
      downloads.writeZip(chosen, ctx.res().getOutputStream());
    } catch (EofException clientGone) {
      // the user cancelled the download
    } catch (IOException e) {
      if (ctx.res().isCommitted()) {
        // too late for a problem document: cut the response so the client sees it is incomplete
        throw new IllegalStateException("the ZIP could not be completed", e);
      }
      throw e;
    }
  }

  private static List<UUID> ids(Context ctx) {
    if (ctx.isFormUrlencoded()) {
      List<UUID> ids = new ArrayList<>();
      for (String value : ctx.formParams("id")) {
        ids.add(parse(value));
      }
      return ids;
    }
    ZipRequest request = Json.read(ctx, ZipRequest.class);
    if (request.ids() == null) {
      throw ProblemException.Invalid.of("ids", "required", "ids is required.");
    }
    return request.ids();
  }

  private static UUID parse(String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new ProblemException.NotFound("No such recording.");
    }
  }
}
