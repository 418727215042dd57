package se.vittne.capture.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.policy.GroupId;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.AnswerGroup;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * The directory in PostgreSQL, behind a cache: a change in the directory reaches the capture nodes
 * within {@code freshFor}; while the database is down, the last answers are served.
 */
public final class StorageCallDirectory implements CallDirectory {
  private static final int MAX_ENTRIES = 100_000;
  private static final int MAX_KEY_LENGTH = 200;

  private record Key(TenantId tenant, String kind, String value) {}

  private final TenantRepository tenants;
  private final UserRepository users;
  private final NumberRepository numbers;
  private final BoundedCache<TenantId, Optional<TenantSettings>> tenantCache;
  private final BoundedCache<Key, Optional<DirectoryUser>> userCache;
  private final BoundedCache<Key, Optional<GroupId>> groupCache;

  public StorageCallDirectory(
      TenantRepository tenants,
      UserRepository users,
      NumberRepository numbers,
      Duration freshFor,
      Clock clock) {
    this.tenants = tenants;
    this.users = users;
    this.numbers = numbers;
    this.tenantCache = new BoundedCache<>(10_000, freshFor, clock);
    this.userCache = new BoundedCache<>(MAX_ENTRIES, freshFor, clock);
    this.groupCache = new BoundedCache<>(MAX_ENTRIES, freshFor, clock);
  }

  @Override
  public Optional<TenantSettings> tenant(TenantId tenant) {
    return tenantCache.get(tenant, tenants::find);
  }

  @Override
  public Optional<DirectoryUser> user(TenantId tenant, PartyIdentity identity) {
    Optional<DirectoryUser> byExtension =
        identity
            .user()
            .filter(user -> user.length() <= MAX_KEY_LENGTH)
            .flatMap(user ->
                userCache.get(
                    new Key(tenant, "extension", user),
                    key -> users.byExtension(tenant, key.value())));
    if (byExtension.isPresent()) {
      return byExtension;
    }
    return identity
        .number()
        .flatMap(number ->
            userCache.get(
                new Key(tenant, "number", number.e164()),
                key -> users.byNumber(tenant, PhoneNumber.ofE164(key.value()))));
  }

  @Override
  public Optional<GroupId> group(TenantId tenant, String signalled) {
    if (signalled.isBlank() || signalled.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    return groupCache.get(
        new Key(tenant, "group", signalled), key -> lookUpGroup(tenant, key.value()));
  }

  private Optional<GroupId> lookUpGroup(TenantId tenant, String signalled) {
    return numbers
        .groupByKey(tenant, new GroupId(signalled))
        .or(() -> numbers.groupByNumber(tenant, signalled))
        .or(() -> numbers.groupByName(tenant, signalled))
        .map(AnswerGroup::key);
  }

  /** Forgets what is cached of a tenant, e.g. when its directory was changed. */
  public void invalidate(TenantId tenant) {
    tenantCache.invalidateIf(tenant::equals);
    userCache.invalidateIf(key -> key.tenant().equals(tenant));
    groupCache.invalidateIf(key -> key.tenant().equals(tenant));
  }
}
