package se.vittne.admin.sharing;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import se.vittne.admin.playback.AudioResponse;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.sharing.SharingService.Visit;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.sharing.ShareLink;

/**
 * The page a shared link opens, without a login: the call's facts and a player of that one
 * recording, whose audio supports range requests. An expired or withdrawn link answers 410 with a
 * page saying so, an unknown one 404, both in the browser's language (Swedish or English). The web
 * app (issue 9) may restyle it; the behaviour is here.
 */
public final class SharedLinkPage implements RouteModule {
  private static final String TAG = "Sharing";

  private final SharingService sharing;
  private final AudioStore store;

  public SharedLinkPage(SharingService sharing, AudioStore store) {
    this.sharing = sharing;
    this.store = store;
  }

  @Override
  public void register(Routes routes) {
    routes
        .open(HandlerType.GET, SharingService.PAGE + "{token}", this::page)
        .doc(TAG, "The page of a shared link: the call's facts and a player (HTML, no login)")
        .returns(200, "The page", "text/html", String.class)
        .status(404, "No such link (a page saying so)")
        .status(410, "The link has expired or was withdrawn (a page saying so)");
    routes
        .open(HandlerType.GET, SharingService.PAGE + "{token}/audio", this::audio)
        .doc(TAG, "The shared recording's audio (WAV), with HTTP range requests (no login)")
        .returns(200, "The WAV file", AudioResponse.WAV, byte[].class)
        .returns(206, "Part of it", AudioResponse.WAV, byte[].class)
        .status(404, "No such link")
        .status(410, "The link has expired or was withdrawn")
        .status(416, "The range is outside the file");
  }

  private void page(Context ctx) {
    Words words = Words.forBrowser(ctx.header("Accept-Language"));
    Visit visit =
        sharing.visit(
            ctx.pathParam("token"), ClientInfo.of(ctx), RecordingActions.SHARE_OPENED, true);
    ctx.contentType("text/html; charset=utf-8");
    switch (visit) {
      case Visit.Open open -> ctx.status(200).result(player(ctx, open, words));
      case Visit.Gone gone ->
          ctx.status(410)
              .result(
                  notice(
                      words,
                      words.get("gone.title"),
                      words.get(
                          gone.status() == ShareLink.Status.REVOKED
                              ? "revoked.text"
                              : "expired.text")));
      case Visit.Unknown unknown ->
          ctx.status(404)
              .result(notice(words, words.get("unknown.title"), words.get("unknown.text")));
    }
  }

  private void audio(Context ctx) throws Exception {
    String range = ctx.header("Range");
    // a player asks again for every seek: one entry per playing, not per request
    boolean fromStart = range == null || range.replace(" ", "").startsWith("bytes=0-");
    Visit visit =
        sharing.visit(
            ctx.pathParam("token"), ClientInfo.of(ctx), RecordingActions.SHARE_PLAYED, fromStart);
    switch (visit) {
      case Visit.Open open ->
          AudioResponse.send(ctx, store, open.recording().audio(), Optional.empty());
      case Visit.Gone gone -> throw new LinkGone(gone.status());
      case Visit.Unknown unknown -> throw new ProblemException.NotFound("No such shared link.");
    }
  }

  private String player(Context ctx, Visit.Open open, Words words) {
    ZoneId zone = sharing.zone(open.link().tenant());
    SharedCall call = sharing.facts(open.link().tenant(), open.recording(), zone, words);
    String until =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(open.link().expiresAt().atZone(zone));
    String audio = SharingService.PAGE + ctx.pathParam("token") + "/audio";
    StringBuilder rows = new StringBuilder();
    row(rows, words.get("page.direction"), call.direction());
    row(rows, words.get("page.date"), call.date());
    row(rows, words.get("page.time"), call.time());
    row(rows, words.get("page.extension"), call.extension());
    row(rows, words.get("page.user"), call.user());
    row(rows, words.get("page.number"), call.number());
    row(rows, words.get("page.ddi"), call.ddi());
    row(rows, words.get("page.channel"), call.channel());
    row(rows, words.get("page.duration"), call.duration());
    row(rows, words.get("page.tag"), call.tag());
    row(rows, words.get("page.evaluated"), call.evaluated());
    String subject = open.link().subject().orElse(words.get("page.title"));
    return page(
        words,
        subject,
        "<h1>"
            + html(subject)
            + "</h1>\n<p>"
            + html(words.get("page.intro", sharing.sharedBy(open.link()).orElse("Vittne")))
            + " "
            + html(words.get("page.until", until))
            + "</p>\n<audio controls preload=\"metadata\" src=\""
            + html(audio)
            + "\">"
            + html(words.get("page.noAudio"))
            + "</audio>\n<table>\n"
            + rows
            + "</table>");
  }

  private static void row(StringBuilder rows, String label, String value) {
    rows.append("<tr><th scope=\"row\">")
        .append(html(label))
        .append("</th><td>")
        .append(html(value))
        .append("</td></tr>\n");
  }

  private static String notice(Words words, String title, String text) {
    return page(words, title, "<h1>" + html(title) + "</h1>\n<p>" + html(text) + "</p>");
  }

  private static String page(Words words, String title, String body) {
    return "<!doctype html>\n<html lang=\""
        + words.language()
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n<title>"
        + html(title)
        + " – Vittne</title>\n<link rel=\"stylesheet\" href=\"/static/shared.css\">\n"
        + "</head>\n<body>\n<header><strong>Vittne</strong></header>\n<main>\n"
        + body
        + "\n</main>\n</body>\n</html>\n";
  }

  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** 410: the shared link worked once and no longer does. */
  static final class LinkGone extends ProblemException {
    private static final long serialVersionUID = 1L;

    LinkGone(ShareLink.Status status) {
      super(
          410,
          "share-link-gone",
          "Link no longer works",
          status == ShareLink.Status.REVOKED
              ? "The link was withdrawn by the one who shared it."
              : "The link has expired: shared links work for 24 hours.");
    }
  }
}
