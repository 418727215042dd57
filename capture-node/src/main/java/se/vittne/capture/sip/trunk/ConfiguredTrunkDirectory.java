package se.vittne.capture.sip.trunk;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A fixed list of trunks from configuration. */
public final class ConfiguredTrunkDirectory implements TrunkDirectory {
  private final List<Trunk> trunks;

  public ConfiguredTrunkDirectory(List<Trunk> trunks) {
    Set<String> ids = new HashSet<>();
    for (Trunk trunk : trunks) {
      if (!ids.add(trunk.id())) {
        throw new IllegalArgumentException("duplicate trunk id " + trunk.id());
      }
    }
    this.trunks = List.copyOf(trunks);
  }

  @Override
  public List<Trunk> candidates(InetAddress source) {
    return trunks.stream()
        .filter(t -> t.match(source) >= 0)
        .sorted(Comparator.comparingInt((Trunk t) -> t.match(source)).reversed())
        .toList();
  }
}
