package se.vittne.capture.sip.trunk;

import java.net.InetAddress;
import java.util.List;

/**
 * Where the trunks are configured. Implementations must answer quickly (they are asked for every
 * out-of-dialog request) and be safe for concurrent use.
 */
public interface TrunkDirectory {

  /**
   * The trunks whose source ranges contain an address, the most specific range first. Several
   * trunks may share an address (a hosted PBX serving many tenants); digest credentials or TLS
   * identities then tell them apart.
   */
  List<Trunk> candidates(InetAddress source);
}
