package se.vittne.storage.trunk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * A PBX trunk.
 *
 * @param id its ID
 * @param tenant the tenant its calls belong to
 * @param name a name for operators
 * @param sources the networks it sends from, in CIDR form ("192.0.2.10/32", "2001:db8::/48")
 * @param digest optional SIP digest credentials, kept as the RFC 7616 HA1 hash
 * @param tlsIdentity optional TLS identity (certificate subject) the trunk must present
 * @param enabled whether it may start recordings now
 */
public record Trunk(
    UUID id,
    TenantId tenant,
    String name,
    List<String> sources,
    Optional<DigestCredentials> digest,
    Optional<String> tlsIdentity,
    boolean enabled) {
  public Trunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(tlsIdentity, "tlsIdentity");
  }

  /**
   * Digest credentials without the password: HA1 = MD5(username ":" realm ":" password), which is
   * all a SIP registrar needs to check a response (RFC 7616 section 3.4.2).
   */
  public record DigestCredentials(String realm, String username, String ha1) {}
}
