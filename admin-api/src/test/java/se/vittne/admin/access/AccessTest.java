package se.vittne.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.RecordingScope;

/** The one authorisation decision, one row per case. */
class AccessTest {
  private static final TenantId TENANT = new TenantId(UUID.randomUUID());
  private static final UUID SALES = UUID.randomUUID();

  private static Principal session(LoginRole role, Permissions flags, PendingStep... pending) {
    return new Principal(
        UUID.randomUUID(),
        role == LoginRole.OPERATOR ? Optional.empty() : Optional.of(TENANT),
        "x@example.test",
        role,
        flags,
        role == LoginRole.RESTRICTED ? Set.of(SALES) : Set.of(),
        Optional.empty(),
        "sv",
        new Credential.Session("csrf", false, Instant.EPOCH),
        Set.of(pending));
  }

  private static Principal token(LoginRole role, String... scopes) {
    return new Principal(
        UUID.randomUUID(),
        Optional.of(TENANT),
        "x@example.test",
        role,
        Permissions.ALL,
        Set.of(),
        Optional.empty(),
        "sv",
        new Credential.ApiToken(UUID.randomUUID(), Set.of(scopes)),
        Set.of());
  }

  private static Permissions flags(String flags) {
    return new Permissions(flags.contains("L"), flags.contains("D"), flags.contains("E"));
  }

  @ParameterizedTest(name = "{0} with flags [{1}] asking {2}: {3}")
  @CsvSource({
    // My Console users find and play their own recordings, nothing else
    "MY_CONSOLE, L,   VIEW_RECORDINGS,     ALLOWED",
    "MY_CONSOLE, L,   LISTEN_RECORDINGS,   ALLOWED",
    "MY_CONSOLE, '',  LISTEN_RECORDINGS,   FLAG_MISSING",
    "MY_CONSOLE, L,   DOWNLOAD_RECORDINGS, FLAG_MISSING",
    "MY_CONSOLE, LDE, EMAIL_RECORDINGS,    ALLOWED",
    "MY_CONSOLE, LDE, VIEW_ORGANISATION,   ROLE_NOT_ALLOWED",
    "MY_CONSOLE, LDE, MANAGE_POLICY,       ROLE_NOT_ALLOWED",
    "MY_CONSOLE, LDE, OWN_API_TOKENS,      ALLOWED",
    // restricted users listen to chosen departments and change no settings
    "RESTRICTED, L,   LISTEN_RECORDINGS,   ALLOWED",
    "RESTRICTED, L,   VIEW_ORGANISATION,   ALLOWED",
    "RESTRICTED, LDE, VIEW_DIRECTORY,      ROLE_NOT_ALLOWED",
    "RESTRICTED, LDE, MANAGE_DIRECTORY,    ROLE_NOT_ALLOWED",
    "RESTRICTED, LDE, VIEW_POLICY,         ROLE_NOT_ALLOWED",
    "RESTRICTED, LDE, MANAGE_LOGINS,       ROLE_NOT_ALLOWED",
    "RESTRICTED, D,   DOWNLOAD_RECORDINGS, ALLOWED",
    "RESTRICTED, L,   EMAIL_RECORDINGS,    FLAG_MISSING",
    // super users: all the tenant's recordings and settings; flags still apply to recordings
    "SUPER,      '',  MANAGE_POLICY,       ALLOWED",
    "SUPER,      '',  MANAGE_DIRECTORY,    ALLOWED",
    "SUPER,      '',  MANAGE_LOGINS,       ALLOWED",
    "SUPER,      '',  VIEW_TENANT,         ALLOWED",
    "SUPER,      '',  VIEW_RECORDINGS,     ALLOWED",
    "SUPER,      '',  LISTEN_RECORDINGS,   FLAG_MISSING",
    "SUPER,      L,   DOWNLOAD_RECORDINGS, FLAG_MISSING",
    "SUPER,      LDE, EMAIL_RECORDINGS,    ALLOWED",
    "SUPER,      LDE, OPERATE,             ROLE_NOT_ALLOWED",
    // operators run the installation and do not listen to calls
    "OPERATOR,   '',  OPERATE,             ALLOWED",
    "OPERATOR,   '',  VIEW_RECORDINGS,     ROLE_NOT_ALLOWED",
    "OPERATOR,   LDE, LISTEN_RECORDINGS,   ROLE_NOT_ALLOWED",
    "OPERATOR,   '',  MANAGE_POLICY,       ROLE_NOT_ALLOWED",
    "OPERATOR,   '',  OWN_ACCOUNT,         ALLOWED",
    "OPERATOR,   '',  OWN_API_TOKENS,      ROLE_NOT_ALLOWED",
  })
  void aSessionsRoleAndFlagsDecide(
      LoginRole role, String flags, Permission permission, Verdict verdict) {
    assertThat(Access.check(session(role, flags(flags)), permission)).isEqualTo(verdict);
  }

  @Test
  void nobodyIsUnauthenticatedExceptForPublicEndpoints() {
    assertThat(Access.check(Optional.empty(), Permission.PUBLIC)).isEqualTo(Verdict.ALLOWED);
    for (Permission p : Permission.values()) {
      if (p != Permission.PUBLIC) {
        assertThat(Access.check(Optional.empty(), p))
            .as(p.name())
            .isEqualTo(Verdict.UNAUTHENTICATED);
      }
    }
  }

  @Test
  void aPendingPasswordChangeAllowsOnlyOnesOwnAccountThenTheLicence() {
    Principal both =
        session(
            LoginRole.SUPER,
            Permissions.ALL,
            PendingStep.CHANGE_PASSWORD,
            PendingStep.ACCEPT_LICENCE);
    Principal licence = session(LoginRole.SUPER, Permissions.ALL, PendingStep.ACCEPT_LICENCE);

    assertThat(Access.check(both, Permission.OWN_ACCOUNT)).isEqualTo(Verdict.ALLOWED);
    assertThat(Access.check(both, Permission.SIGNED_IN)).isEqualTo(Verdict.ALLOWED);
    assertThat(Access.check(both, Permission.VIEW_POLICY))
        .isEqualTo(Verdict.PASSWORD_CHANGE_REQUIRED);
    assertThat(Access.check(licence, Permission.VIEW_POLICY))
        .isEqualTo(Verdict.LICENCE_ACCEPTANCE_REQUIRED);
    assertThat(Access.check(licence, Permission.OWN_API_TOKENS))
        .isEqualTo(Verdict.LICENCE_ACCEPTANCE_REQUIRED);
  }

  @Test
  void aTokenNeedsTheScopeAndNeverManagesAccounts() {
    Principal reader = token(LoginRole.SUPER, "directory:read");

    assertThat(Access.check(reader, Permission.VIEW_DIRECTORY)).isEqualTo(Verdict.ALLOWED);
    assertThat(Access.check(reader, Permission.MANAGE_DIRECTORY)).isEqualTo(Verdict.SCOPE_MISSING);
    assertThat(Access.check(reader, Permission.SIGNED_IN)).isEqualTo(Verdict.ALLOWED);
    assertThat(Access.check(reader, Permission.OWN_ACCOUNT)).isEqualTo(Verdict.SESSION_REQUIRED);
    assertThat(Access.check(reader, Permission.OWN_API_TOKENS)).isEqualTo(Verdict.SESSION_REQUIRED);
    assertThat(Access.check(token(LoginRole.MY_CONSOLE, "policy:read"), Permission.VIEW_POLICY))
        .as("a scope never widens the role")
        .isEqualTo(Verdict.ROLE_NOT_ALLOWED);
  }

  @Test
  void aRolesTokenScopesAreThoseOfItsPermissions() {
    assertThat(Permission.scopesFor(LoginRole.MY_CONSOLE))
        .containsExactlyInAnyOrder(
            "recordings:read", "recordings:listen", "recordings:download", "recordings:email");
    assertThat(Permission.scopesFor(LoginRole.RESTRICTED))
        .contains("directory:read")
        .doesNotContain("directory:write");
    assertThat(Permission.scopesFor(LoginRole.SUPER))
        .contains("policy:write", "logins:write")
        .doesNotContain("operator");
    assertThat(Permission.allScopes()).contains("operator");
  }

  @Test
  void eachRoleSeesItsOwnScopeOfRecordings() {
    assertThat(Access.recordingScope(session(LoginRole.SUPER, Permissions.ALL), Optional.empty()))
        .isEqualTo(RecordingScope.wholeTenant());
    assertThat(
            Access.recordingScope(session(LoginRole.RESTRICTED, Permissions.ALL), Optional.empty()))
        .isEqualTo(RecordingScope.departments(Set.of(SALES)));
    assertThat(
            Access.recordingScope(
                session(LoginRole.MY_CONSOLE, Permissions.ALL), Optional.of("1001")))
        .isEqualTo(RecordingScope.ownExtension("1001"));
    assertThat(
            Access.recordingScope(session(LoginRole.MY_CONSOLE, Permissions.ALL), Optional.empty()))
        .as("not linked to a user: sees nothing")
        .isEqualTo(new RecordingScope.OwnExtensions(Set.of()));
    assertThatThrownBy(() ->
            Access.recordingScope(session(LoginRole.OPERATOR, Permissions.NONE), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
