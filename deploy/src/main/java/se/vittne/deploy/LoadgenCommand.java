package se.vittne.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.vittne.capture.loadgen.LoadGenConfig;
import se.vittne.capture.loadgen.LoadGenerator;
import se.vittne.capture.loadgen.LoadReport;
import se.vittne.capture.loadgen.LoadResult;
import se.vittne.capture.loadgen.PortRange;
import se.vittne.capture.loadgen.Signalling;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.loadgen.rtp.StreamFaults;
import se.vittne.capture.loadgen.sip.SipTimers;

/** {@code vittne loadgen}: plays the PBX side of SIPREC calls, or counts RTP as a bare sink. */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Places N concurrent SIPREC calls (RFC 7866) at a ramp-up rate, each with two paced RTP"
          + " streams (one per participant, a distinct tone or a WAV file) until a BYE after the"
          + " hold time, and reports calls set up and failed, packets, send lateness and its CPU.",
      "With --no-sip it sends the same RTP without signalling to --rtp-target; with --sink it"
          + " only counts the RTP arriving on --rtp-ports (the bare receiver of the benchmark).",
      "Exit code: 0 when every call completed, 1 otherwise."
    })
public final class LoadgenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      paramLabel = "host:port",
      converter = CliValues.HostPortConverter.class,
      description = "The recorder's SIP address (SIPREC mode).")
  InetSocketAddress target;

  @Option(
      names = "--transport",
      paramLabel = "udp|tcp",
      defaultValue = "udp",
      description = "SIP transport (default: ${DEFAULT-VALUE}).")
  String transport;

  @Option(
      names = "--calls",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Calls to place; all concurrent once the ramp is over (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(
      names = "--rate",
      paramLabel = "calls/s",
      defaultValue = "10",
      description = "Ramp-up rate (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--hold",
      paramLabel = "duration",
      defaultValue = "30s",
      converter = CliValues.DurationConverter.class,
      description =
          "Media time per call after the answer, whole 20 ms (default: ${DEFAULT-VALUE}).")
  Duration hold;

  @Option(
      names = "--codec",
      paramLabel = "pcmu|pcma|g722|opus",
      defaultValue = "pcmu",
      description = "Payload format (default: ${DEFAULT-VALUE}).")
  String codec;

  @Option(
      names = "--local-ip",
      paramLabel = "address",
      defaultValue = "127.0.0.1",
      description = "Local address for SIP and RTP (default: ${DEFAULT-VALUE}).")
  String localIp;

  @Option(
      names = "--sip-port",
      paramLabel = "port",
      defaultValue = "0",
      description = "Local SIP port, 0 for any (default: ${DEFAULT-VALUE}).")
  int sipPort;

  @Option(
      names = "--rtp-ports",
      paramLabel = "start-end",
      description =
          "Local RTP ports; streams are spread over them (default: one free port)."
              + " With --sink: the ports to listen on.")
  String rtpPorts;

  @Option(
      names = "--wav",
      paramLabel = "file",
      description = "Send this WAV file (stereo: left = caller, right = callee) instead of tones.")
  Path wav;

  @Option(
      names = "--tones",
      paramLabel = "hz,hz",
      split = ",",
      defaultValue = "440,1000",
      description = "Tone per participant, caller first (default: ${DEFAULT-VALUE}).")
  List<Integer> tones;

  @Option(
      names = "--from-pattern",
      paramLabel = "pattern",
      defaultValue = "+46701######",
      description = "Caller number per call, # = call index digits (default: ${DEFAULT-VALUE}).")
  String fromPattern;

  @Option(
      names = "--to-pattern",
      paramLabel = "pattern",
      defaultValue = "+46812######",
      description = "Callee number per call (default: ${DEFAULT-VALUE}).")
  String toPattern;

  @Option(
      names = "--domain",
      paramLabel = "domain",
      defaultValue = "pbx.invalid",
      description = "Domain of the participants' AoRs (default: ${DEFAULT-VALUE}).")
  String domain;

  @Option(names = "--no-sip", description = "Send RTP only, no signalling, to --rtp-target.")
  boolean noSip;

  @Option(
      names = "--rtp-target",
      paramLabel = "host:start-end|host:@file",
      description =
          "With --no-sip: stream k goes to port start + k (wrapping in the range), or with @file"
              + " to the port on line k + 1 of the file (ports a media server handed out).")
  String rtpTarget;

  @Option(names = "--sink", description = "Only count RTP arriving on --rtp-ports, then report.")
  boolean sink;

  @Option(
      names = "--duration",
      paramLabel = "duration",
      converter = CliValues.DurationConverter.class,
      description = "With --sink: how long to count (default: until interrupted).")
  Duration duration;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "With --sink: datagrams per read, >1 uses recvmmsg (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--loss",
      paramLabel = "%",
      defaultValue = "0",
      description = "Packets withheld per stream.")
  double loss;

  @Option(
      names = "--reorder",
      paramLabel = "%",
      defaultValue = "0",
      description = "Packets sent after the next one.")
  double reorder;

  @Option(
      names = "--duplicate",
      paramLabel = "%",
      defaultValue = "0",
      description = "Packets sent twice.")
  double duplicate;

  @Option(
      names = "--ssrc-change-at",
      paramLabel = "frame",
      defaultValue = "0",
      description = "Frame from which each stream has a new SSRC (0: never).")
  long ssrcChangeAt;

  @Option(
      names = "--seed",
      paramLabel = "n",
      description = "Seed of RTP bases and faults (default: random).")
  Long seed;

  @Option(
      names = "--timeout",
      paramLabel = "duration",
      converter = CliValues.DurationConverter.class,
      description = "Stop the run after this long (default: ramp + hold + 2 min).")
  Duration timeout;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (sink) {
      return new SinkRun(spec, parseLocalIp(), requiredPorts(), batch, duration, json).call();
    }
    LoadGenConfig config = config();
    Duration limit =
        timeout != null
            ? timeout
            : Duration.ofMillis((long) (1000 * calls / rate)).plus(hold).plusMinutes(2);
    LoadResult result = LoadGenerator.run(config, limit);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? LoadReport.json(result) + System.lineSeparator() : LoadReport.text(result));
    out.flush();
    return result.callsCompleted() == result.callsAttempted() && result.callsAttempted() == calls
        ? 0
        : 1;
  }

  LoadGenConfig config() {
    LoadGenConfig.Builder builder =
        LoadGenConfig.builder()
            .signalling(signalling())
            .localAddress(parseLocalIp())
            .calls(calls)
            .rate(rate)
            .hold(hold)
            .codec(Codec.parse(codec))
            .audio(wav != null ? new AudioSource.WavFile(wav) : new AudioSource.Tones(tones, 0.3))
            .callerPattern(fromPattern)
            .calleePattern(toPattern)
            .domain(domain)
            .faults(new StreamFaults(loss, reorder, duplicate, ssrcChangeAt));
    if (rtpPorts != null) {
      builder.rtpPorts(PortRange.parse(rtpPorts, 1));
    }
    if (seed != null) {
      builder.seed(seed);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Signalling signalling() {
    if (noSip) {
      if (rtpTarget == null) {
        throw new ParameterException(
            spec.commandLine(), "--no-sip needs --rtp-target host:start-end");
      }
      String[] parts = CliValues.splitHostAndRest(rtpTarget);
      if (parts[1].startsWith("@")) {
        return Signalling.RtpOnly.toPorts(
            address(parts[0]), portList(Path.of(parts[1].substring(1))));
      }
      return new Signalling.RtpOnly(address(parts[0]), PortRange.parse(parts[1], 1));
    }
    if (target == null) {
      throw new ParameterException(
          spec.commandLine(), "give --target host:port (or --no-sip, --sink)");
    }
    try {
      return new Signalling.Siprec(
          target, Signalling.Transport.parse(transport), sipPort, SipTimers.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--transport is udp or tcp: " + transport);
    }
  }

  private List<Integer> portList(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(Integer::valueOf)
          .toList();
    } catch (IOException | NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(), "--rtp-target @" + file + ": not one port per line: " + e, e);
    }
  }

  private PortRange requiredPorts() {
    if (rtpPorts == null) {
      throw new ParameterException(spec.commandLine(), "--sink needs --rtp-ports start-end");
    }
    return PortRange.parse(rtpPorts, 1);
  }

  private InetAddress parseLocalIp() {
    return address(localIp);
  }

  private InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "unknown address " + host);
    }
  }
}
