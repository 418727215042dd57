package se.vittne.admin.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.ApiToken;
import se.vittne.storage.login.ApiTokenRepository;

/**
 * API tokens for integrations: a login issues tokens that act as itself, limited to the
 * scopes it chooses among those its role holds. The secret is shown once and stored as a hash.
 */
public final class ApiTokenService {
  private final ApiTokenRepository tokens;
  private final Auditor auditor;
  private final Clock clock;

  public ApiTokenService(DSLContext dsl, Auditor auditor, Clock clock) {
    this.tokens = new ApiTokenRepository(dsl);
    this.auditor = auditor;
    this.clock = clock;
  }

  public ApiTokenRepository.Issued issue(
      Principal principal,
      ClientInfo client,
      String name,
      List<String> scopes,
      Optional<Instant> expiresAt) {
    Checks checks = new Checks();
    String cleanName = checks.required("name", name, 200);
    Set<String> allowed = Permission.scopesFor(principal.role());
    Set<String> wanted = new TreeSet<>();
    if (scopes == null || scopes.isEmpty()) {
      checks.add("scopes", "required", "Choose at least one scope.");
    } else {
      for (int i = 0; i < scopes.size(); i++) {
        String scope = scopes.get(i);
        if (scope == null || !allowed.contains(scope)) {
          checks.add(
              "scopes[" + i + "]",
              "scope-not-allowed",
              "'" + scope + "' is not a scope your role holds: " + allowed + ".");
        } else {
          wanted.add(scope);
        }
      }
    }
    Instant now = clock.instant();
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      checks.add("expiresAt", "in-the-past", "expiresAt must be in the future.");
    }
    checks.orThrow();
    ApiTokenRepository.Issued issued =
        tokens.issue(principal.tenantId(), principal.login(), cleanName, wanted, expiresAt, now);
    auditor.record(
        principal,
        client,
        AdminAuditActions.API_TOKEN_ISSUED,
        "api-token",
        issued.token().id(),
        Map.of("name", cleanName, "scopes", String.join(" ", wanted)));
    return issued;
  }

  /** The principal's own tokens, revoked and expired ones too. */
  public List<ApiToken> list(Principal principal) {
    return tokens.list(principal.tenantId()).stream()
        .filter(t -> t.login().equals(principal.login()))
        .toList();
  }

  public void revoke(Principal principal, ClientInfo client, UUID id) {
    boolean own = list(principal).stream().anyMatch(t -> t.id().equals(id));
    if (!own || !tokens.revoke(principal.tenantId(), id, clock.instant())) {
      throw new ProblemException.NotFound("No such API token.");
    }
    auditor.record(
        principal, client, AdminAuditActions.API_TOKEN_REVOKED, "api-token", id, Map.of());
  }
}
