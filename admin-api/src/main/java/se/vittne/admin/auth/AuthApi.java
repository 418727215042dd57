package se.vittne.admin.auth;

import static se.vittne.admin.access.Permission.OWN_ACCOUNT;
import static se.vittne.admin.access.Permission.OWN_API_TOKENS;
import static se.vittne.admin.access.Permission.SIGNED_IN;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vittne.admin.access.PendingStep;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.AuthViews.ChangePasswordRequest;
import se.vittne.admin.auth.AuthViews.IssuedToken;
import se.vittne.admin.auth.AuthViews.LanguageRequest;
import se.vittne.admin.auth.AuthViews.LicenceAcceptance;
import se.vittne.admin.auth.AuthViews.LicenceView;
import se.vittne.admin.auth.AuthViews.LoginRequest;
import se.vittne.admin.auth.AuthViews.Me;
import se.vittne.admin.auth.AuthViews.ResetAccepted;
import se.vittne.admin.auth.AuthViews.ResetConfirmation;
import se.vittne.admin.auth.AuthViews.ResetRequest;
import se.vittne.admin.auth.AuthViews.Scopes;
import se.vittne.admin.auth.AuthViews.SessionView;
import se.vittne.admin.auth.AuthViews.TokenRequest;
import se.vittne.admin.auth.AuthViews.TokenView;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.SessionRepository;

/** The endpoints of logging in, one's own account and API tokens, under /api/v1/auth. */
public final class AuthApi implements RouteModule {
  private static final String TAG = "Authentication";
  private static final String BASE = "/api/v1/auth";

  private final LoginService logins;
  private final PasswordService passwords;
  private final PasswordResetService resets;
  private final ApiTokenService tokens;
  private final Accounts accounts;
  private final LicenceAgreement licence;
  private final Auditor auditor;
  private final Clock clock;
  private final AuthSettings settings;

  public AuthApi(
      LoginService logins,
      PasswordService passwords,
      PasswordResetService resets,
      ApiTokenService tokens,
      Accounts accounts,
      LicenceAgreement licence,
      Auditor auditor,
      Clock clock,
      AuthSettings settings) {
    this.logins = logins;
    this.passwords = passwords;
    this.resets = resets;
    this.tokens = tokens;
    this.accounts = accounts;
    this.licence = licence;
    this.auditor = auditor;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public void register(Routes routes) {
    routes
        .open(HandlerType.POST, BASE + "/login", this::login)
        .doc(TAG, "Log in with e-mail and password")
        .description(
            "Opens a session: the cookie is set on the response, and the answer holds the CSRF"
                + " token that every change made with the cookie must echo in X-CSRF-Token. Wrong"
                + " address or password: 401, the same either way. Too many attempts per account"
                + " or per client address: 429 with Retry-After.")
        .body(LoginRequest.class)
        .returns(200, "Logged in", SessionView.class)
        .status(401, "Wrong e-mail address or password")
        .status(429, "Too many attempts");
    routes
        .post(BASE + "/logout", OWN_ACCOUNT, this::logout)
        .doc(TAG, "Log out")
        .status(204, "Logged out; the cookie is cleared");
    routes
        .get(BASE + "/session", SIGNED_IN, (ctx, p) -> ctx.json(SessionView.of(p)))
        .doc(TAG, "Who is logged in, and the steps still to take")
        .returns(200, "The session", SessionView.class);
    routes
        .post(BASE + "/password", OWN_ACCOUNT, this::changePassword)
        .doc(TAG, "Change one's own password")
        .description(
            "R-22: at least 8 characters with lower and upper case, a digit and a special"
                + " character, not one of the last 10. Ends every other session; the answer holds"
                + " the new session's CSRF token. A confirmation e-mail is sent.")
        .body(ChangePasswordRequest.class)
        .returns(200, "Changed; a new session", SessionView.class);
    routes
        .get(BASE + "/licence-agreement", SIGNED_IN, this::licence)
        .doc(TAG, "The licence agreement, in the login's language")
        .returns(200, "The agreement", LicenceView.class);
    routes
        .post(BASE + "/licence-agreement", OWN_ACCOUNT, this::acceptLicence)
        .doc(TAG, "Accept the licence agreement (R-21)")
        .body(LicenceAcceptance.class)
        .status(204, "Accepted")
        .status(409, "Change the password first, or nothing to accept");
    routes
        .put(BASE + "/language", OWN_ACCOUNT, this::language)
        .doc(TAG, "Choose the interface language (R-24)")
        .body(LanguageRequest.class)
        .status(204, "Changed");
    routes
        .open(HandlerType.POST, BASE + "/password-reset", this::requestReset)
        .doc(TAG, "Ask for a link to choose a new password (R-23)")
        .description(
            "Always answers 202 with the same body, in the same time, whether or not the address"
                + " has a login; a link is mailed only if it does.")
        .body(ResetRequest.class)
        .returns(202, "Accepted", ResetAccepted.class)
        .status(429, "Too many requests from this address");
    routes
        .open(HandlerType.POST, BASE + "/password-reset/confirm", this::confirmReset)
        .doc(TAG, "Choose a new password with a reset link's token")
        .body(ResetConfirmation.class)
        .status(204, "The password is set; every session of the login has ended")
        .status(400, "The link has expired or has been used");
    routes
        .get(BASE + "/scopes", OWN_API_TOKENS, this::scopes)
        .doc(TAG, "The scopes one's API tokens may be given")
        .returns(200, "The scopes", Scopes.class);
    routes
        .get(BASE + "/tokens", OWN_API_TOKENS, this::listTokens)
        .doc(TAG, "One's own API tokens")
        .returns(200, "The tokens", Types.listOf(TokenView.class));
    routes
        .post(BASE + "/tokens", OWN_API_TOKENS, this::issueToken)
        .doc(TAG, "Issue an API token acting as oneself, limited to scopes")
        .description("The secret is in this answer only; send it as 'Authorization: Bearer ...'.")
        .body(TokenRequest.class)
        .returns(201, "Issued", IssuedToken.class);
    routes
        .delete(BASE + "/tokens/{tokenId}", OWN_API_TOKENS, this::revokeToken)
        .doc(TAG, "Revoke one of one's API tokens")
        .status(204, "Revoked");
  }

  private void login(Context ctx) {
    LoginRequest request = Json.read(ctx, LoginRequest.class);
    Checks checks = new Checks();
    checks.required("email", request.email(), 320);
    if (request.password() == null || request.password().isEmpty()) {
      checks.add("password", "required", "password is required.");
    } else if (request.password().length() > 1024) {
      checks.add("password", "too-long", "password is too long.");
    }
    checks.orThrow();
    LoginService.LoggedIn in =
        logins.login(ctx, request.email().strip(), request.password(), request.keepLoggedIn());
    ctx.json(view(in.session(), in.login(), in.pending()));
  }

  private static SessionView view(
      SessionRepository.Opened opened, Login login, Set<PendingStep> pending) {
    return new SessionView(
        Me.of(login),
        opened.session().csrfToken(),
        opened.session().keepLoggedIn(),
        opened.session().expiresAt(),
        pending);
  }

  private void logout(Context ctx, Principal p) {
    logins.logout(ctx, p);
    ctx.status(204);
  }

  private void changePassword(Context ctx, Principal p) {
    ChangePasswordRequest request = Json.read(ctx, ChangePasswordRequest.class);
    SessionRepository.Opened opened =
        passwords.change(ctx, p, request.currentPassword(), request.newPassword());
    Login login = accounts.find(p.login()).orElseThrow();
    ctx.json(view(opened, login, Accounts.pending(login, clock.instant(), passwordMaxAge())));
  }

  private java.time.Duration passwordMaxAge() {
    return settings.passwordMaxAge();
  }

  private void licence(Context ctx, Principal p) {
    boolean accepted = !p.pending().contains(PendingStep.ACCEPT_LICENCE);
    String language = "sv".equals(p.language()) ? "sv" : "en";
    ctx.json(new LicenceView(licence.version(), language, licence.text(language), accepted));
  }

  private void acceptLicence(Context ctx, Principal p) {
    LicenceAcceptance request = Json.read(ctx, LicenceAcceptance.class);
    if (!licence.version().equals(request.version())) {
      throw ProblemException.Invalid.of(
          "version", "not-current", "The current agreement is version " + licence.version() + ".");
    }
    if (p.pending().contains(PendingStep.CHANGE_PASSWORD)) {
      throw new ProblemException.Conflict(
          "password-change-required", "Password change required", "Choose a new password first.");
    }
    if (!p.pending().contains(PendingStep.ACCEPT_LICENCE)) {
      throw new ProblemException.Conflict("The licence agreement is accepted already.");
    }
    accounts.acceptLicence(p.tenantId(), p.login(), clock.instant());
    auditor.record(
        p,
        ClientInfo.of(ctx),
        AdminAuditActions.LICENCE_ACCEPTED,
        "login",
        p.login(),
        Map.of("version", licence.version()));
    ctx.status(204);
  }

  private void language(Context ctx, Principal p) {
    LanguageRequest request = Json.read(ctx, LanguageRequest.class);
    if (!"sv".equals(request.language()) && !"en".equals(request.language())) {
      throw ProblemException.Invalid.of("language", "invalid-value", "language must be sv or en.");
    }
    Login login = accounts.find(p.login()).orElseThrow();
    accounts.setLanguage(login, request.language());
    auditor.record(
        p,
        ClientInfo.of(ctx),
        AdminAuditActions.LANGUAGE_CHANGED,
        "login",
        p.login(),
        Map.of("language", request.language()));
    ctx.status(204);
  }

  private void requestReset(Context ctx) {
    ResetRequest request = Json.read(ctx, ResetRequest.class);
    Checks checks = new Checks();
    checks.email("email", request.email());
    checks.orThrow();
    resets.request(request.email().strip(), ClientInfo.of(ctx));
    ctx.status(202).json(ResetAccepted.INSTANCE);
  }

  private void confirmReset(Context ctx) {
    ResetConfirmation request = Json.read(ctx, ResetConfirmation.class);
    if (request.token() == null || request.token().isBlank() || request.token().length() > 200) {
      throw ProblemException.Invalid.of("token", "required", "token is required.");
    }
    resets.confirm(request.token().strip(), request.newPassword(), ClientInfo.of(ctx));
    ctx.status(204);
  }

  private void scopes(Context ctx, Principal p) {
    ctx.json(new Scopes(Permission.scopesFor(p.role())));
  }

  private void listTokens(Context ctx, Principal p) {
    ctx.json(tokens.list(p).stream().map(TokenView::of).toList());
  }

  private void issueToken(Context ctx, Principal p) {
    TokenRequest request = Json.read(ctx, TokenRequest.class);
    ApiTokenRepository.Issued issued =
        tokens.issue(
            p,
            ClientInfo.of(ctx),
            request.name(),
            request.scopes(),
            Optional.ofNullable(request.expiresAt()));
    ctx.status(201).json(new IssuedToken(TokenView.of(issued.token()), issued.secret()));
  }

  private void revokeToken(Context ctx, Principal p) {
    tokens.revoke(p, ClientInfo.of(ctx), Params.id(ctx, "tokenId"));
    ctx.status(204);
  }
}
