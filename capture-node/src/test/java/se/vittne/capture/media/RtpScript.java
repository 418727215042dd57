package se.vittne.capture.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A timed script of UDP packets and signalling actions, played from one thread in real time: what a
 * PBX would send, with its faults, and what its re-INVITEs would change.
 */
final class RtpScript implements AutoCloseable {
  interface Step {
    void run() throws Exception;
  }

  private record Timed(long offsetNanos, int order, Step step) {}

  private final List<Timed> steps = new ArrayList<>();
  private final DatagramChannel socket;
  private int order;
  private long start;

  /** When each step really ran, by its order, in nanoseconds after the script's start. */
  private long[] ran = new long[0];

  RtpScript() throws IOException {
    socket = DatagramChannel.open();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * Sends a datagram {@code atMillis} after the script starts.
   *
   * @return the step's number, for {@link #ranAtMillis}
   */
  int send(double atMillis, InetSocketAddress to, byte[] packet) {
    return at(
        atMillis,
        () -> {
          socket.send(ByteBuffer.wrap(packet), to);
        });
  }

  /** Runs an action {@code atMillis} after the script starts; returns the step's number. */
  int at(double atMillis, Step step) {
    steps.add(new Timed(Math.round(atMillis * 1_000_000), order, step));
    return order++;
  }

  /**
   * When a step really ran, in ms after the script's start: on a loaded machine the sender runs
   * late, and the recording must follow what was sent, not what was planned.
   */
  double ranAtMillis(int step) {
    return ran[step] / 1e6;
  }

  /** Plays the script with time zero at {@code startNanos} ({@link System#nanoTime()}). */
  void play(long startNanos) throws Exception {
    start = startNanos;
    ran = new long[order];
    steps.sort(Comparator.comparingLong(Timed::offsetNanos).thenComparingInt(Timed::order));
    for (Timed t : steps) {
      long due = startNanos + t.offsetNanos();
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      ran[t.order()] = System.nanoTime() - start;
      t.step().run();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
