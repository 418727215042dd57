package se.vittne.capture.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.codec.AudioDecoder;
import se.vittne.capture.rtp.BatchSink;
import se.vittne.capture.rtp.Drop;
import se.vittne.capture.rtp.PacketBatch;
import se.vittne.capture.rtp.ReceiveMetrics;

/**
 * One writer thread: owns its sessions' state, delivers the packet batches the event loops hand
 * over, runs the commands of signalling threads (in the same queue, so a command sees every batch
 * submitted before it), and every {@value Timing#TICK_NANOS} ns advances its sessions' timelines.
 * Decoding and disk writes happen here, never on an event loop.
 *
 * <p>The hand-off is bounded twice: a fixed pool of batches, and a queue that can hold all of them
 * plus room for commands. Event loops never wait: without a free batch they drop and count.
 */
final class MediaWriter implements BatchSink, Runnable {
  private static final Logger log = LoggerFactory.getLogger(MediaWriter.class);
  private static final int COMMAND_ROOM = 1024;

  private final ArrayBlockingQueue<Object> queue;
  private final ArrayBlockingQueue<PacketBatch> free;
  private final ReceiveMetrics metrics;
  private final List<SessionRecorder> sessions = new ArrayList<>();
  private final short[] scratch = new short[AudioDecoder.MAX_FRAME_SAMPLES];
  private final Thread thread;
  private volatile boolean running = true;
  private final java.util.concurrent.atomic.AtomicInteger load =
      new java.util.concurrent.atomic.AtomicInteger();

  MediaWriter(int index, int batches, ReceiveMetrics metrics) {
    this.queue = new ArrayBlockingQueue<>(batches + COMMAND_ROOM);
    this.free = new ArrayBlockingQueue<>(batches);
    for (int i = 0; i < batches; i++) {
      free.add(new PacketBatch());
    }
    this.metrics = metrics;
    this.thread = new Thread(this, "vittne-media-writer-" + index);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The decode buffer shared by this writer's sessions. */
  short[] scratch() {
    return scratch;
  }

  /** Batches and commands waiting for this writer. */
  int queued() {
    return queue.size();
  }

  /** Sessions on this writer, for balancing. */
  int load() {
    return load.get();
  }

  @Override
  public PacketBatch acquire() {
    return free.poll();
  }

  @Override
  public void submit(PacketBatch batch) {
    if (!queue.offer(batch)) {
      // cannot happen while commands leave room, but the loop must never block
      for (int i = 0; i < batch.size(); i++) {
        metrics.drop(Drop.HANDOFF_FULL);
      }
      batch.clear();
      free.offer(batch);
    }
  }

  /** Runs a command on the writer thread and waits for its result. */
  <T> T call(Callable<T> command) throws Exception {
    if (!running) {
      throw new IllegalStateException("media writer stopped");
    }
    FutureTask<T> task = new FutureTask<>(command);
    queue.put(task);
    try {
      return task.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new IllegalStateException("media writer did not answer in 30 s", e);
    }
  }

  /** Registers a session with this writer; its state is touched only by this thread from now. */
  void attach(SessionRecorder session) throws Exception {
    load.incrementAndGet();
    call(() -> sessions.add(session));
  }

  /** Forgets a session (after finish or discard), on the writer thread. */
  void detach(SessionRecorder session) {
    load.decrementAndGet();
    sessions.remove(session);
  }

  @Override
  public void run() {
    long nextTick = System.nanoTime() + Timing.TICK_NANOS;
    while (running || !queue.isEmpty()) {
      Object item;
      try {
        item = queue.poll(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
        continue;
      }
      try {
        if (item instanceof PacketBatch batch) {
          batch.deliver();
          free.offer(batch);
        } else if (item instanceof Runnable command) {
          command.run();
        }
      } catch (RuntimeException e) {
        log.error("media writer failed on {}", item, e);
      }
      long now = System.nanoTime();
      // advance timelines when the queue is drained, or at the latest one tick late
      if (now >= nextTick && (item == null || now - nextTick >= Timing.TICK_NANOS)) {
        for (int i = 0; i < sessions.size(); i++) {
          try {
            sessions.get(i).tick(now);
          } catch (RuntimeException e) {
            log.error("media writer failed to advance a session", e);
          }
        }
        nextTick = now + Timing.TICK_NANOS;
      }
    }
  }

  /** Stops after the queue is drained, running shutdown for each session still attached. */
  void stop(long nowNanos) {
    try {
      call(() -> {
        for (SessionRecorder s : sessions) {
          s.abandon(nowNanos);
        }
        sessions.clear();
        return null;
      });
    } catch (Exception e) {
      log.error("media writer could not flush its sessions at shutdown", e);
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
