package se.vittne.admin.sharing;

import static se.vittne.admin.access.Permission.EMAIL_RECORDINGS;

import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.admin.sharing.SharingService.ShareInput;
import se.vittne.admin.sharing.SharingService.ShareView;

/** Share a recording by e-mail, list and withdraw its links. Needs "may e-mail". */
public final class SharingApi implements RouteModule {
  private static final String TAG = "Sharing";
  private static final String SHARES = RecordingsApi.RECORDING + "/shares";

  private final SharingService sharing;

  public SharingApi(SharingService sharing) {
    this.sharing = sharing;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(
            SHARES,
            EMAIL_RECORDINGS,
            (ctx, p) ->
                ctx.status(201)
                    .json(
                        sharing.share(
                            p,
                            ClientInfo.of(ctx),
                            Params.id(ctx, "recordingId"),
                            Json.read(ctx, ShareInput.class))))
        .doc(TAG, "E-mail a link that plays the recording for 24 hours (R-55)")
        .description(
            "The mail (Swedish or English) holds the call's direction, date, time, extension,"
                + " user, number, DDI, channel, duration, tag and whether it was evaluated, and a"
                + " link that plays only this recording in a browser, without logging in, for 24"
                + " hours. The link's secret is only in the mail. Audited.")
        .body(ShareInput.class)
        .returns(201, "The link (without its secret)", ShareView.class)
        .status(404, "No such recording (or not one this login may see)");
    routes
        .get(
            SHARES,
            EMAIL_RECORDINGS,
            (ctx, p) -> ctx.json(sharing.links(p, Params.id(ctx, "recordingId"))))
        .doc(TAG, "The recording's shared links, newest first")
        .returns(200, "The links", Types.listOf(ShareView.class));
    routes
        .delete(
            SHARES + "/{shareId}",
            EMAIL_RECORDINGS,
            (ctx, p) ->
                ctx.json(
                    sharing.revoke(
                        p,
                        ClientInfo.of(ctx),
                        Params.id(ctx, "recordingId"),
                        Params.id(ctx, "shareId"))))
        .doc(TAG, "Withdraw a shared link")
        .description("The login that shared it, or a super user, may. Audited.")
        .returns(200, "The link, withdrawn", ShareView.class)
        .status(403, "Another login's link, and not a super user")
        .status(404, "No such link");
  }
}
