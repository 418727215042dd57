package se.vittne.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import se.vittne.capture.loadgen.LoadGenConfig;
import se.vittne.capture.loadgen.Signalling;
import se.vittne.capture.loadgen.audio.Codec;

class LoadgenCommandTest {

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine vittne = Vittne.commandLine();
    vittne.setOut(new PrintWriter(out));

    int code = vittne.execute("loadgen", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "--target=host:port",
            "--transport=udp|tcp",
            "--calls=N",
            "--rate=calls/s",
            "--hold=duration",
            "--codec=pcmu|pcma|g722|opus",
            "--local-ip",
            "--rtp-ports",
            "--wav",
            "--from-pattern",
            "--to-pattern",
            "--json",
            "--no-sip",
            "--rtp-target",
            "--sink");
  }

  @Test
  void optionsBecomeTheGeneratorsConfiguration() {
    CommandLine vittne = Vittne.commandLine();
    vittne.parseArgs(
        "loadgen",
        "--target",
        "127.0.0.1:5080",
        "--transport",
        "tcp",
        "--calls",
        "250",
        "--rate",
        "25",
        "--hold",
        "1500ms",
        "--codec",
        "g722",
        "--from-pattern",
        "+4610###");
    LoadgenCommand command = vittne.getSubcommands().get("loadgen").getCommand();

    LoadGenConfig config = command.config();

    Signalling.Siprec siprec = (Signalling.Siprec) config.signalling();
    assertThat(siprec.target().getPort()).isEqualTo(5080);
    assertThat(siprec.transport()).isEqualTo(Signalling.Transport.TCP);
    assertThat(config.calls()).isEqualTo(250);
    assertThat(config.rate()).isEqualTo(25);
    assertThat(config.hold()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.codec()).isEqualTo(Codec.G722);
    assertThat(config.callerPattern().number(7)).isEqualTo("+4610007");
  }

  @Test
  void refusesAHoldThatIsNotWholeFrames() {
    StringWriter err = new StringWriter();
    CommandLine vittne = Vittne.commandLine();
    vittne.setErr(new PrintWriter(err));

    int code = vittne.execute("loadgen", "--target", "127.0.0.1:5060", "--hold", "1010ms");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("hold must be whole 20 ms frames");
  }

  @Test
  void needsATargetUnlessRtpOnlyOrSink() {
    StringWriter err = new StringWriter();
    CommandLine vittne = Vittne.commandLine();
    vittne.setErr(new PrintWriter(err));

    assertThat(vittne.execute("loadgen", "--calls", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--target host:port");
  }
}
