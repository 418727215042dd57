package se.vittne.storage.directory;

import static se.vittne.storage.jooq.Tables.DIRECTORY_USER;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;

/**
 * The tenant's users a page at a time, by extension, optionally filtered by a text that the name,
 * extension or e-mail address contains (ignoring case). A directory can hold thousands of users; a
 * page is read with two small queries per user instead of the whole list.
 */
public final class UserPages {
  /** The most users one page may hold. */
  public static final int MAX_LIMIT = 500;

  private final DSLContext dsl;

  public UserPages(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * One page of users.
   *
   * @param users the users on this page, by extension
   * @param total how many users match in all
   */
  public record Page(List<DirectoryUser> users, long total) {
    public Page {
      users = List.copyOf(users);
    }
  }

  public Page page(TenantId tenant, Optional<String> text, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
    }
    Condition where = DIRECTORY_USER.TENANT_ID.eq(tenant.value()).and(matching(text));
    long total = dsl.fetchCount(DIRECTORY_USER, where);
    List<UUID> ids =
        dsl.select(DIRECTORY_USER.ID)
            .from(DIRECTORY_USER)
            .where(where)
            .orderBy(DIRECTORY_USER.EXTENSION, DIRECTORY_USER.ID)
            .offset(offset)
            .limit(limit)
            .fetch(DIRECTORY_USER.ID);
    UserRepository users = new UserRepository(dsl);
    return new Page(
        ids.stream().map(id -> users.find(tenant, id)).flatMap(Optional::stream).toList(), total);
  }

  private static Condition matching(Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      return DSL.trueCondition();
    }
    String pattern =
        "%"
            + text.get()
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return DSL.lower(DIRECTORY_USER.NAME)
        .like(pattern, '\\')
        .or(DSL.lower(DIRECTORY_USER.EXTENSION).like(pattern, '\\'))
        .or(DSL.lower(DIRECTORY_USER.EMAIL).like(pattern, '\\'));
  }
}
