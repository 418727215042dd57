package se.vittne.admin.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jooq.DSLContext;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.GroupId;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.PutResult;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.recording.AudioInfo;
import se.vittne.storage.recording.CallInfo;
import se.vittne.storage.recording.ChannelQuality;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.PolicyOutcome;
import se.vittne.storage.recording.Quality;
import se.vittne.storage.recording.RecordedUser;
import se.vittne.storage.recording.RecordingRepository;

/**
 * Archives recordings for tests as a capture node would: a real WAV file (16-bit stereo PCM at 8
 * kHz; the first channel silent, the second a full-scale tone) in the server's audio store, and the
 * row. Describe the call with the builder; everything not set has a sensible value.
 */
public final class Calls {
  public static final int RATE = 8000;

  private final DSLContext dsl;
  private final AudioStore store;

  public Calls(DSLContext dsl, AudioStore store) {
    this.dsl = dsl;
    this.store = store;
  }

  public Call call(TenantId tenant, String extension, Instant start) {
    return new Call(tenant, extension, start);
  }

  /** One call being described; {@link #archive} stores it. */
  public final class Call {
    private final TenantId tenant;
    private final String extension;
    private final Instant start;
    private Duration length = Duration.ofMinutes(2);
    private Direction direction = Direction.OUTGOING;
    private String remote = "+46701234567";
    private String ddi;
    private String name;
    private UUID user;
    private UUID department;
    private UUID district;
    private UUID costCentre;
    private UUID office;
    private String group;
    private boolean oneWay;
    private int audioMillis = 1000;

    private Call(TenantId tenant, String extension, Instant start) {
      this.tenant = tenant;
      this.extension = extension;
      this.start = start;
    }

    public Call length(Duration length) {
      this.length = length;
      return this;
    }

    public Call direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    public Call remote(String remote) {
      this.remote = remote;
      return this;
    }

    public Call ddi(String ddi) {
      this.ddi = ddi;
      return this;
    }

    public Call user(String name) {
      this.name = name;
      return this;
    }

    public Call directoryUser(UUID user) {
      this.user = user;
      return this;
    }

    public Call department(UUID department) {
      this.department = department;
      return this;
    }

    public Call district(UUID district) {
      this.district = district;
      return this;
    }

    public Call costCentre(UUID costCentre) {
      this.costCentre = costCentre;
      return this;
    }

    public Call office(UUID office) {
      this.office = office;
      return this;
    }

    public Call group(String group) {
      this.group = group;
      return this;
    }

    public Call oneWayAudio() {
      this.oneWay = true;
      return this;
    }

    /** How much audio the WAV file holds (the call's length is {@link #length}). */
    public Call audio(Duration audio) {
      this.audioMillis = (int) audio.toMillis();
      return this;
    }

    public NewRecording archive() {
      UUID id = UUID.randomUUID();
      StoreKey key =
          StoreKey.forRecording(tenant, LocalDate.ofInstant(start, ZoneId.of("UTC")), id);
      byte[] wav = wav(audioMillis);
      try {
        PutResult put = store.put(key, new ByteArrayInputStream(wav));
        NewRecording r =
            new NewRecording(
                id,
                new CallInfo(
                    "call-" + id,
                    "session-" + id,
                    direction,
                    Optional.ofNullable(remote),
                    Optional.ofNullable(ddi).map(PhoneNumber::ofE164),
                    Optional.ofNullable(group).map(GroupId::new),
                    start),
                new RecordedUser(
                    Optional.ofNullable(user),
                    extension,
                    Optional.ofNullable(name),
                    Optional.ofNullable(department),
                    Optional.ofNullable(district),
                    Optional.ofNullable(costCentre),
                    Optional.ofNullable(office)),
                start.plus(length),
                new AudioInfo("PCMA", 2, RATE, key.value(), put.size(), put.sha256()),
                new PolicyOutcome(
                    Rule.DEPARTMENT_POLICY,
                    new Explanation(
                        "Avdelningspolicyn spelar in utgående samtal.",
                        "The department policy records outgoing calls."),
                    3,
                    Optional.empty()),
                new Quality(
                    List.of(
                        new ChannelQuality(6000, 60, 2, 1, 3.5, oneWay ? 1.0 : 0.4),
                        new ChannelQuality(6000, 0, 0, 0, 1.25, 0.5)),
                    oneWay,
                    false),
                false,
                LocalDate.of(2099, 1, 1));
        new RecordingRepository(dsl).insert(tenant, r);
        return r;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A stereo 16-bit WAV file: channel 0 silent, channel 1 a full-scale square wave, so every byte
   * after the header is predictable ({@link #sample}).
   */
  public static byte[] wav(int millis) {
    int frames = RATE * millis / 1000;
    byte[] pcm = new byte[frames * 4];
    for (int f = 0; f < frames; f++) {
      short right = sample(f);
      pcm[f * 4 + 2] = (byte) right;
      pcm[f * 4 + 3] = (byte) (right >> 8);
    }
    AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      AudioSystem.write(
          new AudioInputStream(new ByteArrayInputStream(pcm), format, frames),
          AudioFileFormat.Type.WAVE,
          out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The second channel's sample at a frame: +32767 and -32767 in turns of 8 frames (500 Hz). */
  public static short sample(int frame) {
    return (short) ((frame / 8) % 2 == 0 ? 32767 : -32767);
  }
}
