package se.vittne.storage.recording;

import java.util.List;

/**
 * The reception quality of a recording: figures per channel and the flags derived from them that
 * the player shows.
 *
 * @param channels figures per channel, in channel order
 * @param oneWayAudio whether one party was (almost) never heard
 * @param gaps whether audio is missing somewhere in the recording
 */
public record Quality(List<ChannelQuality> channels, boolean oneWayAudio, boolean gaps) {
  public static final Quality UNKNOWN = new Quality(List.of(), false, false);

  public Quality {
    channels = List.copyOf(channels);
  }
}
