package se.vittne.capture.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.vittne.capture.loadgen.rtp.Lateness;

/**
 * The outcome of a load run. {@link LoadReport} prints it as text or JSON.
 *
 * @param callsAttempted calls placed (INVITE sent, or streams started in RTP-only mode)
 * @param callsSetUp calls answered with 2xx (all placed calls in RTP-only mode)
 * @param callsCompleted calls that sent their media and ended cleanly
 * @param callsFailed calls never answered with 2xx
 * @param failures failed calls by reason: a status code such as {@code 486}, or {@code timeout},
 *     {@code no-media}, {@code bye-timeout}, {@code bye-<code>}, {@code ended-by-recorder}, {@code
 *     aborted}
 * @param peakConcurrentCalls the most calls sending media at once
 * @param packetsSent RTP packets handed to the sockets
 * @param bytesSent RTP bytes (headers and payloads) handed to the sockets
 * @param packetsDropped packets the sockets did not take (send errors, full buffers)
 * @param lateness how late the 20 ms sending ticks ran
 * @param cpu the generator's CPU time over the run
 * @param calls every call, in order
 */
public record LoadResult(
    int callsAttempted,
    int callsSetUp,
    int callsCompleted,
    int callsFailed,
    Map<String, Integer> failures,
    int peakConcurrentCalls,
    long packetsSent,
    long bytesSent,
    long packetsDropped,
    Lateness lateness,
    CpuUsage cpu,
    List<CallOutcome> calls) {
  public LoadResult {
    failures = Map.copyOf(failures);
    Objects.requireNonNull(lateness, "lateness");
    Objects.requireNonNull(cpu, "cpu");
    calls = List.copyOf(calls);
  }

  /** The run's wall-clock duration. */
  public Duration elapsed() {
    return cpu.wall();
  }
}
