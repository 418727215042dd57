package se.vittne.admin.access;

import java.util.Optional;
import java.util.Set;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.recording.RecordingScope;

/**
 * The one authorisation decision. Every guarded endpoint, API or web page, asks {@link
 * #check} with the permission it was registered with; nothing else decides who may do what. Which
 * rows a permitted login sees is then its tenant ({@link Principal#tenantId()}) and, for
 * recordings, {@link #recordingScope}.
 */
public final class Access {
  private Access() {}

  public static Verdict check(Optional<Principal> principal, Permission permission) {
    if (permission == Permission.PUBLIC) {
      return Verdict.ALLOWED;
    }
    if (principal.isEmpty()) {
      return Verdict.UNAUTHENTICATED;
    }
    return check(principal.get(), permission);
  }

  public static Verdict check(Principal p, Permission permission) {
    if (permission == Permission.PUBLIC) {
      return Verdict.ALLOWED;
    }
    if (!permission.roles().contains(p.role())) {
      return Verdict.ROLE_NOT_ALLOWED;
    }
    if (p.credential() instanceof Credential.ApiToken token) {
      Optional<String> scope = permission.scope();
      if (scope.isEmpty()) {
        return Verdict.SESSION_REQUIRED;
      }
      if (!scope.get().isEmpty() && !token.scopes().contains(scope.get())) {
        return Verdict.SCOPE_MISSING;
      }
    }
    if (!permission.allowedWhilePending()) {
      if (p.pending().contains(PendingStep.CHANGE_PASSWORD)) {
        return Verdict.PASSWORD_CHANGE_REQUIRED;
      }
      if (p.pending().contains(PendingStep.ACCEPT_LICENCE)) {
        return Verdict.LICENCE_ACCEPTANCE_REQUIRED;
      }
    }
    if (!permission.flag().heldBy(p.flags())) {
      return Verdict.FLAG_MISSING;
    }
    return Verdict.ALLOWED;
  }

  /**
   * Which of its tenant's recordings a login may see: a super user all, a restricted user
   * those of the chosen departments, a My Console user those of its own extension (none when the
   * login is not linked to a directory user).
   *
   * @param ownExtension the extension of the login's directory user, if it has one
   * @throws IllegalArgumentException for an operator, who sees no recordings
   */
  public static RecordingScope recordingScope(Principal p, Optional<String> ownExtension) {
    return switch (p.role()) {
      case SUPER -> RecordingScope.wholeTenant();
      case RESTRICTED -> RecordingScope.departments(p.departments());
      case MY_CONSOLE ->
          new RecordingScope.OwnExtensions(ownExtension.map(Set::of).orElse(Set.of()));
      case OPERATOR -> throw new IllegalArgumentException("operators do not listen to calls");
    };
  }

  /** Whether the role is one of a tenant's (not an operator). */
  public static boolean tenantRole(LoginRole role) {
    return role != LoginRole.OPERATOR;
  }
}
