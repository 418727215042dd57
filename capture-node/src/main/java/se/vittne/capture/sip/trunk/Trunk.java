package se.vittne.capture.sip.trunk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;

/**
 * A PBX or SBC trunk that may start recordings, and the one tenant its calls belong to.
 *
 * @param id a stable identifier, e.g. the database key
 * @param name a name for people and logs
 * @param tenant the tenant whose calls the trunk delivers
 * @param sources where its requests come from
 * @param digest credentials it must prove with digest authentication, if required
 * @param tlsIdentities identities (subjectAltName DNS names or URIs, or the subject CN) of which
 *     the trunk's TLS client certificate must carry one; empty when not required
 * @param numberingPlan how numbers without country code are read for this trunk's tenant
 */
public record Trunk(
    String id,
    String name,
    TenantId tenant,
    List<Cidr> sources,
    Optional<DigestCredentials> digest,
    List<String> tlsIdentities,
    NumberingPlan numberingPlan) {
  public Trunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenant, "tenant");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a trunk needs at least one source range");
    }
    Objects.requireNonNull(digest, "digest");
    tlsIdentities = List.copyOf(tlsIdentities);
    Objects.requireNonNull(numberingPlan, "numberingPlan");
  }

  /** A trunk trusted by source address alone. */
  public static Trunk bySource(String id, TenantId tenant, NumberingPlan plan, String... cidrs) {
    return new Trunk(
        id,
        id,
        tenant,
        java.util.Arrays.stream(cidrs).map(Cidr::parse).toList(),
        Optional.empty(),
        List.of(),
        plan);
  }

  /** The longest prefix among the trunk's ranges that contains the address, or -1. */
  int match(java.net.InetAddress address) {
    int best = -1;
    for (Cidr cidr : sources) {
      if (cidr.contains(address)) {
        best = Math.max(best, cidr.prefixLength());
      }
    }
    return best;
  }
}
