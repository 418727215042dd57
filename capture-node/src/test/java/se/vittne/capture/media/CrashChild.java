package se.vittne.capture.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The victim of {@link SpoolCrashIT}: a capture node's media engine in its own JVM, recording one
 * session until it is killed. Prints {@code READY <rtp port> <rtp port>} when it listens.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path spool = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int last = Integer.parseInt(args[2]);
    RtpMediaEngine engine =
        new RtpMediaEngine(
            RtpMediaEngineConfig.defaults(InetAddress.getLoopbackAddress(), first, last, spool),
            new SimpleMeterRegistry());
    engine.start();
    MediaSession session =
        engine.open(
            new MediaSessionSpec("crash-victim", "call-crash", 2, false),
            List.of(
                new StreamSpec(
                    "a",
                    0,
                    List.of(new PayloadFormat(0, "PCMU", 8000, 1, "")),
                    MediaDirection.SENDONLY,
                    Optional.empty(),
                    true),
                new StreamSpec(
                    "b",
                    1,
                    List.of(new PayloadFormat(8, "PCMA", 8000, 1, "")),
                    MediaDirection.SENDONLY,
                    Optional.empty(),
                    true)));
    System.out.println(
        "READY "
            + session.endpoints().get(0).rtp().getPort()
            + " "
            + session.endpoints().get(1).rtp().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
