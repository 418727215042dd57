package se.vittne.capture.node;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import se.vittne.capture.media.RtpMediaEngineConfig;
import se.vittne.capture.sip.SipServerConfig;

/**
 * Everything a capture node needs to run, besides its database and audio store.
 *
 * @param nodeId this node's name, unique in the installation (licence leases are held by it)
 * @param dataDirectory where the node keeps session manifests and the archive outbox; the media
 *     spool is configured in {@code media}
 * @param sip the SIP listener
 * @param media the RTP engine, with its spool directory
 * @param management the management port (metrics, health); port 0 lets the OS choose
 * @param diskReserveBytes below this much free spool space new sessions are refused (503)
 * @param drainTimeout how long running calls may go on after a shutdown request
 * @param directoryCacheTime how long directory answers are reused
 * @param policyRefresh how often applied policies are read again besides NOTIFY
 * @param licenceLeaseTime how long a licence lease lives without renewal
 * @param archiveMaxBackoff the longest pause between archive retries
 * @param mediaTimeout a recording whose media stops for this long, without the SRC pausing it, is
 *     ended (the SRC may have gone away without BYE)
 */
public record CaptureNodeConfig(
    String nodeId,
    Path dataDirectory,
    SipServerConfig sip,
    RtpMediaEngineConfig media,
    InetSocketAddress management,
    long diskReserveBytes,
    Duration drainTimeout,
    Duration directoryCacheTime,
    Duration policyRefresh,
    Duration licenceLeaseTime,
    Duration archiveMaxBackoff,
    Duration mediaTimeout) {
  public CaptureNodeConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(sip, "sip");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(management, "management");
    if (!nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("node id must be 1-64 letters, digits, . _ or -");
    }
    if (diskReserveBytes < 0) {
      throw new IllegalArgumentException("disk reserve must not be negative");
    }
  }
}
