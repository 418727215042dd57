package se.vittne.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import se.vittne.capture.loadgen.BareRtpSink;
import se.vittne.capture.loadgen.PortRange;

/** {@code vittne loadgen --no-sip --json} against a bare sink on real loopback sockets. */
class LoadgenCommandIT {

  @Test
  void rtpOnlyRunPrintsItsCountsAsJson() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (BareRtpSink sink =
        BareRtpSink.bind(InetAddress.getLoopbackAddress(), new PortRange(port, port, 1), 1)) {
      StringWriter out = new StringWriter();
      CommandLine vittne = Vittne.commandLine();
      vittne.setOut(new PrintWriter(out));

      int code =
          vittne.execute(
              "loadgen",
              "--no-sip",
              "--rtp-target",
              "127.0.0.1:" + port + "-" + port,
              "--calls",
              "2",
              "--rate",
              "100",
              "--hold",
              "200ms",
              "--json");

      assertThat(code).isZero();
      assertThat(out.toString().trim())
          .startsWith(
              "{\"callsAttempted\":2,\"callsSetUp\":2,\"callsCompleted\":2,"
                  + "\"callsFailed\":0,\"failures\":{},\"peakConcurrentCalls\":2,"
                  + "\"packetsSent\":40,\"bytesSent\":6880,\"packetsDropped\":0,")
          .endsWith("}");
      long deadline = System.currentTimeMillis() + 5000;
      while (sink.counts().packets() < 40 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(sink.counts().packets()).isEqualTo(40);
    }
  }
}
