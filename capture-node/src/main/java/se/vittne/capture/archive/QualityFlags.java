package se.vittne.capture.archive;

import java.util.List;
import se.vittne.storage.recording.ChannelQuality;
import se.vittne.storage.recording.Quality;

/**
 * Flags on a recording that tell a supervisor the audio may be incomplete: one-way audio (one
 * party's channel received nothing, or almost only silence the recorder inserted, while the other
 * has audio) and gaps (more than 2 % of a channel's packets lost or too late to use).
 */
final class QualityFlags {
  static final double SILENT = 0.98;
  static final double HEARD = 0.90;
  static final double GAP_SHARE = 0.02;

  private QualityFlags() {}

  static Quality of(List<ChannelQuality> channels) {
    boolean oneWay =
        channels.size() == 2
            && (silent(channels.get(0)) && heard(channels.get(1))
                || silent(channels.get(1)) && heard(channels.get(0)));
    boolean gaps = channels.stream().anyMatch(QualityFlags::gappy);
    return new Quality(channels, oneWay, gaps);
  }

  private static boolean silent(ChannelQuality channel) {
    return channel.packets() == 0 || channel.silenceShare() >= SILENT;
  }

  private static boolean heard(ChannelQuality channel) {
    return channel.packets() > 0 && channel.silenceShare() < HEARD;
  }

  private static boolean gappy(ChannelQuality channel) {
    long expected = channel.packets() + channel.lost();
    return expected > 0 && (double) (channel.lost() + channel.late()) / expected > GAP_SHARE;
  }
}
