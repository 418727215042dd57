package se.vittne.admin.web.account;

import static se.vittne.admin.access.Permission.OWN_ACCOUNT;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vittne.admin.access.PendingStep;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.Accounts;
import se.vittne.admin.auth.LicenceAgreement;
import se.vittne.admin.auth.LoginService;
import se.vittne.admin.auth.PasswordResetService;
import se.vittne.admin.auth.PasswordService;
import se.vittne.admin.server.Authenticator;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Languages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.Text;
import se.vittne.admin.web.View;

/**
 * Logging in and one's own account, as pages. They call the same services as {@code AuthApi}: the
 * login is throttled and paced the same, and a password must pass the same rules.
 */
public final class AccountPages implements RouteModule {
  private static final String TAG = "Web app";
  private static final String HTML = "text/html";
  private static final Map<String, String> PASSWORD_FIELDS =
      Map.of("currentPassword", "current", "newPassword", "password");

  private final LoginService logins;
  private final PasswordService passwords;
  private final PasswordResetService resets;
  private final Accounts accounts;
  private final LicenceAgreement licence;
  private final Auditor auditor;
  private final Authenticator authenticator;
  private final Templates templates;
  private final Clock clock;

  public AccountPages(
      LoginService logins,
      PasswordService passwords,
      PasswordResetService resets,
      Accounts accounts,
      LicenceAgreement licence,
      Auditor auditor,
      Authenticator authenticator,
      Templates templates,
      Clock clock) {
    this.logins = logins;
    this.passwords = passwords;
    this.resets = resets;
    this.accounts = accounts;
    this.licence = licence;
    this.auditor = auditor;
    this.authenticator = authenticator;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * The login page's model.
   *
   * @param form what was typed and what was wrong
   * @param next where to go after logging in
   */
  public record LoginModel(Form form, String next) {}

  /** The licence page's model. */
  public record LicenceModel(String version, String text, Form form) {}

  /** The reset page's model: the link's token and the form. */
  public record ResetModel(String token, Form form, boolean done) {}

  /** The forgot-password page's model. */
  public record ForgotModel(Form form, boolean sent) {}

  @Override
  public void register(Routes routes) {
    page(routes.open(HandlerType.GET, "/login", this::loginPage), "Log in (page)");
    page(routes.open(HandlerType.POST, "/login", this::login), "Log in (form)");
    page(routes.open(HandlerType.GET, "/forgot-password", this::forgotPage), "Forgot password");
    page(routes.open(HandlerType.POST, "/forgot-password", this::forgot), "Ask for a reset link");
    page(
        routes.open(HandlerType.GET, PasswordResetService.RESET_PAGE, this::resetPage),
        "A reset link's page: choose a new password");
    page(
        routes.open(HandlerType.POST, PasswordResetService.RESET_PAGE, this::reset),
        "Choose a new password with a reset link");
    page(routes.open(HandlerType.GET, "/language", this::chooseLanguage), "Choose a language");
    page(routes.get("/password", OWN_ACCOUNT, this::passwordPage), "Change password");
    page(routes.post("/password", OWN_ACCOUNT, this::changePassword), "Change password (form)");
    page(routes.get("/licence", OWN_ACCOUNT, this::licencePage), "The licence agreement");
    page(routes.post("/licence", OWN_ACCOUNT, this::acceptLicence), "Accept the licence");
    page(routes.post("/logout", OWN_ACCOUNT, this::logout), "Log out");
    page(routes.post("/account/language", OWN_ACCOUNT, this::language), "Set one's language");
  }

  static void page(Routes.Spec spec, String summary) {
    spec.doc(TAG, summary).returns(200, "An HTML page", HTML, String.class);
  }

  private Optional<Principal> principal(Context ctx) {
    try {
      return authenticator.authenticate(ctx);
    } catch (ProblemException e) {
      return Optional.empty();
    }
  }

  private void loginPage(Context ctx) {
    Optional<Principal> p = principal(ctx);
    if (p.isPresent()) {
      ctx.redirect(
          afterLogin(p.get().pending(), next(ctx.queryParam("next"))), HttpStatus.SEE_OTHER);
      return;
    }
    View view = View.of(ctx, Optional.empty(), View.Section.NONE);
    templates.render(
        ctx, "account/login.jte", view, new LoginModel(Form.empty(), next(ctx.queryParam("next"))));
  }

  private void login(Context ctx) {
    View view = View.of(ctx, Optional.empty(), View.Section.NONE);
    Text t = view.t();
    Form form = Form.of(ctx, "email", "keep");
    String next = next(ctx.formParam("next"));
    String email = form.get("email").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (email.isEmpty()) {
      form.error("email", t.get("error.required"));
    }
    if (password.isEmpty()) {
      form.error("password", t.get("error.required"));
    }
    if (!form.failed()) {
      try {
        LoginService.LoggedIn in = logins.login(ctx, email, password, form.checked("keep"));
        ctx.redirect(afterLogin(in.pending(), next), HttpStatus.SEE_OTHER);
        return;
      } catch (ProblemException e) {
        form.message(Form.problemText(t, e));
        e.headers().forEach(ctx::header);
        ctx.status(e.status());
      }
    } else {
      ctx.status(422);
    }
    templates.render(ctx, "account/login.jte", view, new LoginModel(form, next));
  }

  static String afterLogin(Set<PendingStep> pending, String next) {
    if (pending.contains(PendingStep.CHANGE_PASSWORD)) {
      return "/password";
    }
    if (pending.contains(PendingStep.ACCEPT_LICENCE)) {
      return "/licence";
    }
    return next;
  }

  /** A local path to go to, never another site. */
  static String next(String requested) {
    if (requested == null
        || !requested.startsWith("/")
        || requested.startsWith("//")
        || requested.contains("\\")
        || requested.length() > 2000) {
      return "/";
    }
    return requested;
  }

  private void forgotPage(Context ctx) {
    templates.render(
        ctx,
        "account/forgot.jte",
        View.of(ctx, Optional.empty(), View.Section.NONE),
        new ForgotModel(Form.empty(), false));
  }

  private void forgot(Context ctx) {
    View view = View.of(ctx, Optional.empty(), View.Section.NONE);
    Form form = Form.of(ctx, "email");
    String email = form.get("email").strip();
    if (email.isEmpty() || email.length() > 320 || !email.contains("@")) {
      form.error("email", view.t("error.invalid-email"));
      ctx.status(422);
      templates.render(ctx, "account/forgot.jte", view, new ForgotModel(form, false));
      return;
    }
    try {
      resets.request(email, ClientInfo.of(ctx));
    } catch (ProblemException.TooManyRequests e) {
      form.message(Form.problemText(view.t(), e));
      e.headers().forEach(ctx::header);
      ctx.status(429);
      templates.render(ctx, "account/forgot.jte", view, new ForgotModel(form, false));
      return;
    }
    templates.render(ctx, "account/forgot.jte", view, new ForgotModel(Form.empty(), true));
  }

  private void resetPage(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    templates.render(
        ctx,
        "account/reset.jte",
        View.of(ctx, Optional.empty(), View.Section.NONE),
        new ResetModel(token, Form.empty(), false));
  }

  private void reset(Context ctx) {
    View view = View.of(ctx, Optional.empty(), View.Section.NONE);
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
    Form form = new Form();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!password.equals(ctx.formParam("confirm"))) {
      form.error("confirm", view.t("error.not-the-same"));
    } else if (token.isEmpty() || token.length() > 200) {
      form.message(view.t("problem.reset-link-invalid.text"));
    } else {
      try {
        resets.confirm(token, password, ClientInfo.of(ctx));
        templates.render(ctx, "account/reset.jte", view, new ResetModel("", form, true));
        return;
      } catch (ProblemException e) {
        form.errors(view.t(), e, PASSWORD_FIELDS);
      }
    }
    ctx.status(422);
    templates.render(ctx, "account/reset.jte", view, new ResetModel(token, form, false));
  }

  private void chooseLanguage(Context ctx) {
    String language = ctx.queryParam("lang");
    if (language != null && Text.supported(language)) {
      Languages.remember(ctx, language);
    }
    ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
  }

  private void passwordPage(Context ctx, Principal p) {
    templates.render(ctx, "account/password.jte", View.of(ctx, p, View.Section.NONE), Form.empty());
  }

  private void changePassword(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.NONE);
    Form form = new Form();
    String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!password.equals(ctx.formParam("confirm"))) {
      form.error("confirm", view.t("error.not-the-same"));
    } else {
      try {
        passwords.change(ctx, p, current, password);
        boolean licencePending = p.pending().contains(PendingStep.ACCEPT_LICENCE);
        ctx.redirect(
            licencePending ? "/licence" : "/?notice=passwordChanged", HttpStatus.SEE_OTHER);
        return;
      } catch (ProblemException e) {
        form.errors(view.t(), e, PASSWORD_FIELDS);
        e.headers().forEach(ctx::header);
      }
    }
    ctx.status(422);
    templates.render(ctx, "account/password.jte", view, form);
  }

  private void licencePage(Context ctx, Principal p) {
    if (p.pending().contains(PendingStep.CHANGE_PASSWORD)) {
      ctx.redirect("/password", HttpStatus.SEE_OTHER);
      return;
    }
    View view = View.of(ctx, p, View.Section.NONE);
    templates.render(
        ctx,
        "account/licence.jte",
        view,
        new LicenceModel(licence.version(), licence.text(view.lang()), Form.empty()));
  }

  private void acceptLicence(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.NONE);
    if (p.pending().contains(PendingStep.CHANGE_PASSWORD)) {
      ctx.redirect("/password", HttpStatus.SEE_OTHER);
      return;
    }
    if (p.pending().contains(PendingStep.ACCEPT_LICENCE)) {
      if (!licence.version().equals(ctx.formParam("version"))) {
        ctx.status(409);
        templates.render(
            ctx,
            "account/licence.jte",
            view,
            new LicenceModel(
                licence.version(),
                licence.text(view.lang()),
                Form.empty().message(view.t("licence.changed"))));
        return;
      }
      accounts.acceptLicence(p.tenantId(), p.login(), clock.instant());
      auditor.record(
          p,
          ClientInfo.of(ctx),
          AdminAuditActions.LICENCE_ACCEPTED,
          "login",
          p.login(),
          Map.of("version", licence.version()));
    }
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx, Principal p) {
    logins.logout(ctx, p);
    ctx.redirect("/login?notice=loggedOut", HttpStatus.SEE_OTHER);
  }

  private void language(Context ctx, Principal p) {
    String language = ctx.formParam("lang");
    if (language != null && Text.supported(language)) {
      accounts.find(p.login()).ifPresent(l -> accounts.setLanguage(l, language));
      Languages.remember(ctx, language);
      auditor.record(
          p,
          ClientInfo.of(ctx),
          AdminAuditActions.LANGUAGE_CHANGED,
          "login",
          p.login(),
          Map.of("language", language));
    }
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }
}
