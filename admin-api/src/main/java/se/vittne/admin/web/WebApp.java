package se.vittne.admin.web;

import java.time.Clock;
import java.util.List;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.Accounts;
import se.vittne.admin.auth.LicenceAgreement;
import se.vittne.admin.auth.LoginService;
import se.vittne.admin.auth.PasswordResetService;
import se.vittne.admin.auth.PasswordService;
import se.vittne.admin.directory.OrganisationService;
import se.vittne.admin.directory.UserImport;
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.policy.PolicyService;
import se.vittne.admin.policy.PolicySimulator;
import se.vittne.admin.server.Authenticator;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.web.account.AccountPages;
import se.vittne.admin.web.config.DeletePages;
import se.vittne.admin.web.config.EvaluationPages;
import se.vittne.admin.web.config.ImportPages;
import se.vittne.admin.web.config.LoginPages;
import se.vittne.admin.web.config.PolicyPages;
import se.vittne.admin.web.home.HomePages;
import se.vittne.admin.web.recordings.PlayerPages;
import se.vittne.admin.web.recordings.RecordingPages;

/**
 * The web app, assembled from the services the JSON API is made of: its page modules, registered in
 * the same route list as the API, and its HTML answers to problems.
 */
public final class WebApp {
  /** The services the pages call; the same instances as the API's. */
  public record Services(
      LoginService logins,
      PasswordService passwords,
      PasswordResetService resets,
      Accounts accounts,
      LicenceAgreement licence,
      Auditor auditor,
      Authenticator authenticator,
      LoginAdministration loginAdministration,
      OrganisationService organisation,
      UserImport userImport,
      PolicyService policies,
      PolicySimulator simulator,
      RecordingModules.Services recordings,
      Clock clock,
      org.jooq.DSLContext dsl) {}

  private final Services s;
  private final Templates templates = new Templates();

  public WebApp(Services services) {
    this.s = services;
  }

  /** Every page module. */
  public List<RouteModule> modules() {
    Filters filters = new Filters(s.organisation(), s.recordings(), s.dsl());
    return List.of(
        new AccountPages(
            s.logins(),
            s.passwords(),
            s.resets(),
            s.accounts(),
            s.licence(),
            s.auditor(),
            s.authenticator(),
            templates,
            s.clock()),
        new HomePages(s.recordings(), filters, templates, s.authenticator()),
        new RecordingPages(s.recordings(), filters, templates),
        new PlayerPages(s.recordings(), templates),
        new PolicyPages(s.policies(), s.simulator(), s.organisation(), templates),
        new LoginPages(s.loginAdministration(), s.organisation(), s.dsl(), templates),
        new EvaluationPages(s.recordings().evaluation(), templates),
        new ImportPages(s.userImport(), templates),
        new DeletePages(s.recordings(), filters, templates));
  }

  /** The HTML answers to problems on pages. */
  public WebProblems problems() {
    return new WebProblems(templates, s.authenticator());
  }
}
