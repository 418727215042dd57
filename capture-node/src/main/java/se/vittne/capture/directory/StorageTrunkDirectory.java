package se.vittne.capture.directory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.vittne.capture.sip.trunk.Cidr;
import se.vittne.capture.sip.trunk.DigestCredentials;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.capture.sip.trunk.TrunkDirectory;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * The PBX trunks configured in PostgreSQL, looked up by source address for every
 * out-of-dialog request and cached briefly; disabled trunks start nothing.
 */
public final class StorageTrunkDirectory implements TrunkDirectory {
  private final TrunkRepository trunks;
  private final CallDirectory directory;
  private final BoundedCache<InetAddress, List<Trunk>> cache;

  public StorageTrunkDirectory(
      TrunkRepository trunks, CallDirectory directory, Duration freshFor, Clock clock) {
    this.trunks = trunks;
    this.directory = directory;
    this.cache = new BoundedCache<>(10_000, freshFor, clock);
  }

  @Override
  public List<Trunk> candidates(InetAddress source) {
    return cache.get(source, this::lookUp);
  }

  private List<Trunk> lookUp(InetAddress source) {
    return trunks.findBySource(source).filter(se.vittne.storage.trunk.Trunk::enabled).stream()
        .flatMap(trunk -> toSip(trunk).stream())
        .toList();
  }

  private Optional<Trunk> toSip(se.vittne.storage.trunk.Trunk stored) {
    return directory
        .tenant(stored.tenant())
        .filter(settings -> settings.active())
        .map(settings ->
            new Trunk(
                stored.id().toString(),
                stored.name(),
                stored.tenant(),
                stored.sources().stream().map(Cidr::parse).toList(),
                stored.digest().map(d -> new DigestCredentials(d.username(), d.realm(), d.ha1())),
                stored.tlsIdentity().stream().toList(),
                NumberingPlan.forCountryCode(settings.countryCode())));
  }
}
