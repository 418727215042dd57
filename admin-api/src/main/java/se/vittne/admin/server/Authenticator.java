package se.vittne.admin.server;

import io.javalin.http.Context;
import java.util.Optional;
import se.vittne.admin.access.Principal;

/** Finds who a request acts as, from its session cookie or API token; empty for nobody. */
@FunctionalInterface
public interface Authenticator {
  /**
   * @throws ProblemException.Unauthenticated when the request brings credentials that are not valid
   *     (an unknown or revoked token): those must not fall back to anonymous
   */
  Optional<Principal> authenticate(Context ctx);
}
