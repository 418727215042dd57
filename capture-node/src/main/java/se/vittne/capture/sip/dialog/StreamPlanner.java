package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.PayloadFormat;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.sdp.ConnectionAddress;
import se.vittne.capture.sip.sdp.MediaDescription;
import se.vittne.capture.sip.sdp.SessionDescription;
import se.vittne.capture.sip.siprec.Participant;
import se.vittne.capture.sip.siprec.RecordingMetadata;

/**
 * Maps an offer's media sections to the streams the recorder receives.
 *
 * <p>A section is received when it is plain RTP audio ({@code RTP/AVP} or {@code RTP/AVPF}) with a
 * non-zero port and at least one known format; secure profiles, video and anything else are
 * rejected. Its label is its {@code a=label}, else its index. Its WAV channel is kept for the life
 * of the session; a new stream goes to the channel of another stream its metadata participant
 * already sends, else to the first free of channel 0 and 1, else to channel 1. The remote address
 * is empty for the hold address {@code 0.0.0.0} and for host names, which would need DNS.
 */
final class StreamPlanner {
  private final int maxStreams;

  StreamPlanner(int maxStreams) {
    this.maxStreams = maxStreams;
  }

  /**
   * @param offer the offer
   * @param metadata the session's metadata after this request, if any
   * @param previous the live streams before this request, by label (empty for an initial offer)
   */
  StreamPlan plan(
      SessionDescription offer,
      Optional<RecordingMetadata> metadata,
      Map<String, StreamSpec> previous) {
    List<PlannedSection> sections = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    Map<String, Integer> channels = new HashMap<>();
    previous.forEach((label, stream) -> channels.put(label, stream.channel()));
    Set<Integer> usedChannels = new HashSet<>();
    int accepted = 0;
    for (MediaDescription section : offer.media()) {
      MediaDirection direction = offer.directionOf(section);
      String label = section.label().orElse(Integer.toString(section.index()));
      List<PayloadFormat> formats = section.payloadFormats();
      boolean usable =
          section.isPlainRtpAudio()
              && section.port() != 0
              && !formats.isEmpty()
              && !labels.contains(label)
              && accepted < maxStreams;
      if (!usable) {
        sections.add(new PlannedSection(section, direction, Optional.empty()));
        continue;
      }
      labels.add(label);
      accepted++;
      Integer channel = channels.get(label);
      if (channel == null) {
        channel = chooseChannel(label, metadata, channels, usedChannels);
        channels.put(label, channel);
      }
      usedChannels.add(channel);
      StreamSpec stream =
          new StreamSpec(
              label,
              channel,
              formats,
              direction,
              remote(offer.connectionOf(section), section.port()),
              section.rtcpMux());
      sections.add(new PlannedSection(section, direction, Optional.of(stream)));
    }
    return new StreamPlan(sections);
  }

  private static int chooseChannel(
      String label,
      Optional<RecordingMetadata> metadata,
      Map<String, Integer> channels,
      Set<Integer> used) {
    if (metadata.isPresent()) {
      List<Participant> senders = metadata.get().sendersOf(label);
      for (Participant sender : senders) {
        for (Map.Entry<String, Integer> known : channels.entrySet()) {
          boolean sameSender =
              metadata.get().sendersOf(known.getKey()).stream()
                  .anyMatch(p -> p.id().equals(sender.id()));
          if (sameSender) {
            return known.getValue();
          }
        }
      }
    }
    Set<Integer> taken = new HashSet<>(used);
    taken.addAll(channels.values());
    if (!taken.contains(0)) {
      return 0;
    }
    return 1;
  }

  static Optional<InetSocketAddress> remote(Optional<ConnectionAddress> connection, int port) {
    if (connection.isEmpty() || connection.get().isHold()) {
      return Optional.empty();
    }
    String address = connection.get().address();
    boolean literal = address.indexOf(':') >= 0 || address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    if (!literal) {
      return Optional.empty();
    }
    try {
      return Optional.of(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** What changed between the live streams and a new plan's streams. */
  record Changes(List<StreamSpec> added, List<StreamSpec> changed, List<String> removed) {
    boolean any() {
      return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }
  }

  static Changes diff(Map<String, StreamSpec> before, Map<String, StreamSpec> after) {
    List<StreamSpec> added = new ArrayList<>();
    List<StreamSpec> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    after.forEach((label, stream) -> {
      StreamSpec old = before.get(label);
      if (old == null) {
        added.add(stream);
      } else if (!old.equals(stream)) {
        changed.add(stream);
      }
    });
    before.keySet().stream().filter(l -> !after.containsKey(l)).forEach(removed::add);
    return new Changes(added, changed, removed);
  }
}
