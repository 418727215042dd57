package se.vittne.capture.directory;

import java.util.Optional;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.policy.GroupId;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.tenant.TenantSettings;

/** What the session layer looks up for each call. Implementations are thread-safe. */
public interface CallDirectory {

  /** The tenant's settings; empty when the tenant does not exist. */
  Optional<TenantSettings> tenant(TenantId tenant);

  /**
   * The directory user a signalled party is: by extension (the identity's user part) first, then by
   * any of the user's E.164 numbers.
   */
  Optional<DirectoryUser> user(TenantId tenant, PartyIdentity identity);

  /** The answer group a signalled group is, by its key, its number or its name. */
  Optional<GroupId> group(TenantId tenant, String signalled);
}
