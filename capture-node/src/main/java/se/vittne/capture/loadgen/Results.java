package se.vittne.capture.loadgen;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.vittne.capture.loadgen.rtp.Lateness;

/** Adds up the calls' outcomes into a {@link LoadResult}. */
final class Results {
  private Results() {}

  static LoadResult summarize(
      List<CallOutcome> calls,
      int peak,
      long packets,
      long bytes,
      long dropped,
      Lateness lateness,
      CpuUsage cpu) {
    int attempted = 0;
    int setUp = 0;
    int completed = 0;
    int failed = 0;
    Map<String, Integer> failures = new TreeMap<>();
    for (CallOutcome call : calls) {
      if (call.state() == CallOutcome.State.NOT_PLACED) {
        continue;
      }
      attempted++;
      boolean rtpOnly = call.callId().isEmpty();
      boolean answered = rtpOnly || (call.statusCode() >= 200 && call.statusCode() < 300);
      if (answered) {
        setUp++;
      }
      switch (call.state()) {
        case COMPLETED -> completed++;
        case FAILED -> failed++;
        default -> {}
      }
      if (!call.failure().isEmpty()) {
        failures.merge(call.failure(), 1, Integer::sum);
      }
    }
    return new LoadResult(
        attempted, setUp, completed, failed, failures, peak, packets, bytes, dropped, lateness, cpu,
        calls);
  }
}
