package se.vittne.capture.loadgen;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time spent over a wall-clock span: by the whole process (JIT and GC included) and by the one
 * event-loop thread that does the sending.
 *
 * @param wall the span
 * @param process CPU time of the process, -1 ns when the JVM cannot tell
 * @param loopThread CPU time of the event-loop thread, -1 ns when the JVM cannot tell
 */
public record CpuUsage(Duration wall, Duration process, Duration loopThread) {

  /** CPU of the process as a share of one core over the span (1.0 = one core busy). */
  public double processCores() {
    return wall.isZero() || process.isNegative() ? 0 : (double) process.toNanos() / wall.toNanos();
  }

  /** CPU of the event-loop thread as a share of one core. */
  public double loopThreadCores() {
    return wall.isZero() || loopThread.isNegative()
        ? 0
        : (double) loopThread.toNanos() / wall.toNanos();
  }

  /** The process's CPU time so far, in nanoseconds, or -1. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** A thread's CPU time so far, in nanoseconds, or -1. */
  static long threadCpuNanos(long threadId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
  }
}
