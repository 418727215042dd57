package se.vittne.admin.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.Cidr;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.tenants.TenantViews.DigestInput;
import se.vittne.admin.tenants.TenantViews.TrunkInput;
import se.vittne.policy.TenantId;
import se.vittne.storage.trunk.Trunk;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * A tenant's PBX trunks. Source networks are validated as CIDR; digest passwords become the
 * RFC 7616 HA1 hash (MD5 of "username:realm:password", what SIP digest with MD5 needs) and are
 * never stored or shown.
 */
public final class TrunkService {
  static final int MAX_SOURCES = 100;

  private final TrunkRepository trunks;
  private final Auditor auditor;

  public TrunkService(DSLContext dsl, Auditor auditor) {
    this.trunks = new TrunkRepository(dsl);
    this.auditor = auditor;
  }

  public List<Trunk> list(TenantId tenant) {
    return trunks.list(tenant);
  }

  public Trunk get(TenantId tenant, UUID id) {
    return trunks
        .find(tenant, id)
        .orElseThrow(() -> new ProblemException.NotFound("No such trunk."));
  }

  public Trunk create(Principal actor, ClientInfo client, TenantId tenant, TrunkInput input) {
    Trunk trunk = trunk(tenant, UUID.randomUUID(), input);
    trunks.create(tenant, trunk);
    audit(actor, client, tenant, AdminAuditActions.TRUNK_CREATED, trunk);
    return get(tenant, trunk.id());
  }

  public Trunk update(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, TrunkInput input) {
    get(tenant, id);
    Trunk trunk = trunk(tenant, id, input);
    if (!trunks.update(tenant, trunk)) {
      throw new ProblemException.NotFound("No such trunk.");
    }
    audit(actor, client, tenant, AdminAuditActions.TRUNK_UPDATED, trunk);
    return get(tenant, id);
  }

  public void delete(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    Trunk trunk = get(tenant, id);
    trunks.delete(tenant, id);
    audit(actor, client, tenant, AdminAuditActions.TRUNK_DELETED, trunk);
  }

  private void audit(
      Principal actor, ClientInfo client, TenantId tenant, String action, Trunk trunk) {
    auditor.record(
        Optional.of(tenant),
        actor,
        client,
        action,
        "trunk",
        trunk.id(),
        Map.of(
            "name", trunk.name(),
            "sources", String.join(" ", trunk.sources()),
            "digest", trunk.digest().isPresent()));
  }

  static Trunk trunk(TenantId tenant, UUID id, TrunkInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    Set<String> sources = new LinkedHashSet<>();
    List<String> given = input.sources() == null ? List.of() : input.sources();
    if (given.isEmpty()) {
      checks.add("sources", "required", "A trunk needs at least one source network.");
    }
    if (given.size() > MAX_SOURCES) {
      checks.add("sources", "too-many", "At most " + MAX_SOURCES + " source networks.");
    }
    for (int i = 0; i < given.size() && i < MAX_SOURCES; i++) {
      try {
        sources.add(Cidr.parse(String.valueOf(given.get(i))).toString());
      } catch (IllegalArgumentException e) {
        checks.add("sources[" + i + "]", "not-a-network", e.getMessage());
      }
    }
    Optional<Trunk.DigestCredentials> digest = Optional.empty();
    if (input.digest() != null) {
      DigestInput d = input.digest();
      String realm = checks.required("digest.realm", d.realm(), 200);
      String username = checks.required("digest.username", d.username(), 200);
      if (d.password() == null || d.password().isEmpty()) {
        checks.add("digest.password", "required", "digest.password is required.");
      } else if (d.password().length() > 200) {
        checks.add("digest.password", "too-long", "digest.password is too long.");
      } else if (realm != null && username != null) {
        digest =
            Optional.of(
                new Trunk.DigestCredentials(realm, username, ha1(username, realm, d.password())));
      }
    }
    Optional<String> tls = checks.optional("tlsIdentity", input.tlsIdentity(), 500);
    checks.orThrow();
    return new Trunk(
        id,
        tenant,
        name,
        new ArrayList<>(sources),
        digest,
        tls,
        input.enabled() == null || input.enabled());
  }

  /** HA1 = MD5(username ":" realm ":" password), RFC 7616 section 3.4.2, lower-case hex. */
  static String ha1(String username, String realm, String password) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] hash =
          md5.digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the platform lacks MD5", e);
    }
  }
}
