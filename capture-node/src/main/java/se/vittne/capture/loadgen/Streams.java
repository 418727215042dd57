package se.vittne.capture.loadgen;

import java.util.ArrayList;
import java.util.List;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.rtp.RtpStream;
import se.vittne.capture.loadgen.rtp.StreamPlan;

/** Turns a call's streams into their reported outcomes. */
final class Streams {
  private Streams() {}

  static List<StreamOutcome> outcomes(List<RtpStream> streams) {
    List<StreamOutcome> outcomes = new ArrayList<>(streams.size());
    for (RtpStream stream : streams) {
      StreamPlan plan = stream.plan();
      outcomes.add(
          new StreamOutcome(
              plan.label(),
              plan.destination().getAddress().getHostAddress() + ":" + plan.destination().getPort(),
              plan.payloadType(),
              plan.ssrc(),
              plan.toneHz(),
              stream.counters().packets(),
              stream.counters().bytes()));
    }
    return outcomes;
  }

  /** The tone a participant sends, 0 for a WAV file. */
  static int toneHz(AudioSource audio, int participant) {
    return audio instanceof AudioSource.Tones tones ? tones.frequencyOf(participant) : 0;
  }
}
