package se.vittne.admin.recordings.detail;

import java.util.List;
import java.util.Optional;
import se.vittne.admin.evaluation.EvaluationViews.RecordingEvaluation;
import se.vittne.admin.notes.NotesService.NotesView;
import se.vittne.admin.recordings.RecordingSummary;
import se.vittne.policy.ConsentBasis;
import se.vittne.policy.Rule;

/**
 * A recording's page.
 *
 * @param recording the list's columns
 * @param callId the SIP Call-ID of the recorded call
 * @param decision why it was recorded
 * @param quality reception quality, per channel
 * @param audio the stored file
 * @param notes the call notes
 * @param evaluation the evaluation questions and answers
 * @param recovered whether the file was finished after a capture node crashed
 */
public record RecordingDetail(
    RecordingSummary recording,
    String callId,
    Decision decision,
    QualityView quality,
    AudioView audio,
    NotesView notes,
    RecordingEvaluation evaluation,
    boolean recovered) {

  /**
   * The policy decision.
   *
   * @param rule the rule that decided
   * @param explanationSv why, in Swedish
   * @param explanationEn why, in English
   * @param policyVersion the policy version that decided
   * @param consentBasis the caller's consent, when IVR consent decided
   */
  public record Decision(
      Rule rule,
      String explanationSv,
      String explanationEn,
      long policyVersion,
      Optional<ConsentBasis> consentBasis) {}

  /**
   * Reception quality.
   *
   * @param oneWayAudio whether one party was (almost) never heard
   * @param gaps whether audio is missing somewhere
   * @param channels figures per channel, in the file's channel order
   */
  public record QualityView(boolean oneWayAudio, boolean gaps, List<ChannelView> channels) {}

  /**
   * One channel's reception.
   *
   * @param channel 0 for the first channel
   * @param packets RTP packets received
   * @param lost packets never received
   * @param lossPercent lost as a share of expected packets, in percent
   * @param late packets that came too late to be used
   * @param duplicates packets received twice
   * @param jitterMs interarrival jitter
   * @param silencePercent share of the channel's time that was silent, in percent
   */
  public record ChannelView(
      int channel,
      long packets,
      long lost,
      double lossPercent,
      long late,
      long duplicates,
      double jitterMs,
      double silencePercent) {}

  /**
   * The stored audio.
   *
   * @param codecs the codecs received
   * @param channels channels in the file
   * @param sampleRate samples per second
   * @param sizeBytes the file's size
   * @param sha256 its SHA-256, to prove it unaltered
   */
  public record AudioView(
      String codecs, int channels, int sampleRate, long sizeBytes, String sha256) {}
}
