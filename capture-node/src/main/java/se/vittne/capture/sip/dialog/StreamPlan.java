package se.vittne.capture.sip.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.capture.media.StreamSpec;

/** An offer's sections as the recorder will answer them. */
record StreamPlan(List<PlannedSection> sections) {
  StreamPlan {
    sections = List.copyOf(sections);
  }

  /** The streams to receive, in offer order. */
  List<StreamSpec> streams() {
    return sections.stream().map(PlannedSection::stream).flatMap(Optional::stream).toList();
  }

  Map<String, StreamSpec> byLabel() {
    Map<String, StreamSpec> out = new LinkedHashMap<>();
    for (StreamSpec stream : streams()) {
      out.put(stream.label(), stream);
    }
    return out;
  }
}
