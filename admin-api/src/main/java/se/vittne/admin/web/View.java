package se.vittne.admin.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import se.vittne.admin.access.Access;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.access.Verdict;

/**
 * What every page's frame needs: the words in the request's language, who is logged in and what
 * they may do (asked of the same {@link Access} as the guard), the session's CSRF token for forms,
 * the navigation section, and a notice to show once after a change.
 *
 * @param t the words
 * @param principal the login, when someone is logged in
 * @param section the navigation section the page belongs to
 * @param path the request's path and query, to come back to after switching language
 * @param notice the key of a notice ({@code notice.*}) to show, if any
 */
public record View(
    Text t, Optional<Principal> principal, Section section, String path, Optional<String> notice) {

  /** The navigation's sections. */
  public enum Section {
    NONE,
    HOME,
    RECORDINGS,
    CONFIGURATION,
    HELP
  }

  /** The frame of a page for the request, in its language; a notice comes from {@code ?notice=}. */
  public static View of(Context ctx, Optional<Principal> principal, Section section) {
    String query = ctx.queryString();
    String path = ctx.path() + (query == null || query.isBlank() ? "" : "?" + query);
    Text t = Text.of(Languages.of(ctx, principal));
    Optional<String> notice =
        Optional.ofNullable(ctx.queryParam("notice"))
            .filter(n -> n.matches("[a-zA-Z.]{1,60}"))
            .map(n -> "notice." + n)
            .filter(n -> !t.get(n).startsWith("["));
    return new View(t, principal, section, path, notice);
  }

  public static View of(Context ctx, Principal principal, Section section) {
    return of(ctx, Optional.of(principal), section);
  }

  public String lang() {
    return t.language();
  }

  public String t(String key) {
    return t.get(key);
  }

  public String t(String key, Object... args) {
    return t.get(key, args);
  }

  public boolean signedIn() {
    return principal.isPresent() && principal.get().pending().isEmpty();
  }

  /** Whether the login may do what {@code permission} guards: the guard's own answer. */
  public boolean can(Permission permission) {
    return principal.isPresent() && Access.check(principal.get(), permission) == Verdict.ALLOWED;
  }

  public String email() {
    return principal.map(Principal::email).orElse("");
  }

  public String role() {
    return principal.map(p -> t.of("role", p.role())).orElse("");
  }

  /** The session's CSRF token, for the hidden {@code _csrf} field of a form. */
  public String csrf() {
    return principal.flatMap(Principal::csrfToken).orElse("");
  }

  /** htmx's headers for the CSRF token, as JSON for {@code hx-headers}. */
  public String htmxHeaders() {
    return "{\"X-CSRF-Token\": \"" + csrf() + "\"}";
  }

  public String noticeText() {
    return notice.map(t::get).orElse("");
  }

  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(t.locale())
        .format(date);
  }

  public boolean current(Section s) {
    return section == s;
  }
}
