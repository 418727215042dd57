package se.vittne.capture.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.loadgen.rtp.StreamFaults;
import se.vittne.capture.loadgen.sip.SipTimers;

/**
 * What a load run does. Build one with {@link #builder()}.
 *
 * @param signalling SIPREC towards a target, or RTP only
 * @param localAddress the address SIP and RTP are sent from
 * @param rtpPorts local RTP ports; streams are spread over them round-robin, so one port gives the
 *     largest send batches and as many ports as streams gives each stream its own, as an SBC does
 * @param calls how many calls to place (all concurrent when the hold time outlasts the ramp)
 * @param rate calls placed per second during the ramp-up
 * @param hold how long each call sends media after it is answered (whole 20 ms frames)
 * @param codec the payload format of every stream
 * @param audio what the streams carry
 * @param callerPattern the caller's number per call
 * @param calleePattern the callee's number per call
 * @param domain the domain of the participants' AoRs when the patterns have none
 * @param faults faults scripted into every stream
 * @param seed seeds RTP bases and fault draws, for repeatable runs
 */
public record LoadGenConfig(
    Signalling signalling,
    InetAddress localAddress,
    PortRange rtpPorts,
    int calls,
    double rate,
    Duration hold,
    Codec codec,
    AudioSource audio,
    NumberPattern callerPattern,
    NumberPattern calleePattern,
    String domain,
    StreamFaults faults,
    long seed) {
  public LoadGenConfig {
    Objects.requireNonNull(signalling, "signalling");
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(rtpPorts, "rtpPorts");
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(callerPattern, "callerPattern");
    Objects.requireNonNull(calleePattern, "calleePattern");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(faults, "faults");
    if (calls < 0) {
      throw new IllegalArgumentException("calls must be ≥ 0: " + calls);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be > 0 calls/s: " + rate);
    }
    if (hold.isNegative() || hold.toMillis() % 20 != 0) {
      throw new IllegalArgumentException("hold must be whole 20 ms frames: " + hold);
    }
  }

  /** Frames each stream sends. */
  public long framesPerStream() {
    return hold.toMillis() / 20;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: 127.0.0.1, one OS-chosen RTP port, 1 call/s, 30 s, PCMU, 440 Hz and 1 kHz. */
  public static final class Builder {
    private Signalling signalling;
    private InetAddress localAddress = InetAddress.getLoopbackAddress();
    private PortRange rtpPorts = PortRange.EPHEMERAL;
    private int calls = 1;
    private double rate = 1;
    private Duration hold = Duration.ofSeconds(30);
    private Codec codec = Codec.PCMU;
    private AudioSource audio = AudioSource.DEFAULT_TONES;
    private NumberPattern callerPattern = new NumberPattern("+46701######");
    private NumberPattern calleePattern = new NumberPattern("+46812######");
    private String domain = "pbx.invalid";
    private StreamFaults faults = StreamFaults.NONE;
    private long seed = System.nanoTime();

    private Builder() {}

    /** SIPREC over UDP to this recorder, from an OS-chosen port, with the default timers. */
    public Builder target(InetSocketAddress target) {
      return signalling(
          new Signalling.Siprec(target, Signalling.Transport.UDP, 0, SipTimers.DEFAULT));
    }

    public Builder signalling(Signalling signalling) {
      this.signalling = signalling;
      return this;
    }

    public Builder localAddress(InetAddress localAddress) {
      this.localAddress = localAddress;
      return this;
    }

    public Builder rtpPorts(PortRange rtpPorts) {
      this.rtpPorts = rtpPorts;
      return this;
    }

    public Builder calls(int calls) {
      this.calls = calls;
      return this;
    }

    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    public Builder hold(Duration hold) {
      this.hold = hold;
      return this;
    }

    public Builder codec(Codec codec) {
      this.codec = codec;
      return this;
    }

    public Builder audio(AudioSource audio) {
      this.audio = audio;
      return this;
    }

    public Builder callerPattern(String pattern) {
      this.callerPattern = new NumberPattern(pattern);
      return this;
    }

    public Builder calleePattern(String pattern) {
      this.calleePattern = new NumberPattern(pattern);
      return this;
    }

    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public Builder faults(StreamFaults faults) {
      this.faults = faults;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public LoadGenConfig build() {
      if (signalling == null) {
        throw new IllegalStateException("set a SIP target or RTP-only signalling");
      }
      return new LoadGenConfig(
          signalling,
          localAddress,
          rtpPorts,
          calls,
          rate,
          hold,
          codec,
          audio,
          callerPattern,
          calleePattern,
          domain,
          faults,
          seed);
    }
  }
}
