package se.vittne.admin.server;

import io.javalin.http.Context;
import se.vittne.admin.access.Principal;

/** A handler of a guarded route: runs only once the guard has admitted the principal. */
@FunctionalInterface
public interface SecuredHandler {
  void handle(Context ctx, Principal principal) throws Exception;
}
