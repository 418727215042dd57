package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.sip.sdp.AnswerOrigin;
import se.vittne.capture.sip.sdp.AnsweredSection;
import se.vittne.capture.sip.sdp.SdpAnswerWriter;

/** Joins a stream plan with the handler's endpoints into the SDP answer. */
final class SdpAnswers {
  private SdpAnswers() {}

  static String write(
      AnswerOrigin origin,
      StreamPlan plan,
      Map<String, LocalEndpoint> endpoints,
      InetAddress fallback) {
    return SdpAnswerWriter.write(origin, sections(plan, endpoints), fallback);
  }

  static boolean anyAccepted(StreamPlan plan, Map<String, LocalEndpoint> endpoints) {
    return sections(plan, endpoints).stream().anyMatch(AnsweredSection::accepted);
  }

  private static List<AnsweredSection> sections(
      StreamPlan plan, Map<String, LocalEndpoint> endpoints) {
    List<AnsweredSection> out = new ArrayList<>();
    for (PlannedSection planned : plan.sections()) {
      Optional<LocalEndpoint> endpoint = planned.stream().map(s -> endpoints.get(s.label()));
      out.add(new AnsweredSection(planned.section(), planned.direction(), endpoint));
    }
    return out;
  }
}
