package se.vittne.admin.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.recording.NewRecording;

/**
 * Playing a recording with HTTP range requests, the same against every audio store: each store's
 * test class starts the server on its store and extends this one.
 */
abstract class PlaybackContract {
  protected abstract AdminExtension admin();

  protected TenantId tenant;
  protected NewRecording recording;
  protected byte[] wav;
  protected Api listener;
  protected String audio;

  @BeforeEach
  void openAPlayer() throws IOException {
    tenant = admin().seed().tenant("Spela AB");
    recording =
        new Calls(admin().dsl(), admin().audio())
            .call(tenant, "201", admin().clock().instant().minus(Duration.ofHours(1)))
            .audio(Duration.ofMillis(1500))
            .archive();
    try (InputStream in = admin().audio().get(new StoreKey(recording.audio().storeKey()))) {
      wav = in.readAllBytes();
    }
    listener = admin().as(admin().seed().login(tenant, LoginRole.SUPER).email());
    Api.Response session =
        listener.post("/api/v1/recordings/" + recording.id() + "/listening-sessions", Map.of());
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    audio = session.json().path("audio").asText();
  }

  private Api.Binary get(String range) {
    return listener.bytes(audio, range == null ? Map.of() : Map.of("Range", range));
  }

  @Test
  void theWholeFileWithoutARange() {
    Api.Binary r = get(null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(wav);
    assertThat(r.header("Content-Type")).startsWith("audio/wav");
    assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(wav.length));
    assertThat(r.header("ETag")).isEqualTo("\"" + recording.audio().sha256() + "\"");
    assertThat(wav.length).isEqualTo(44 + 1500 * 8 * 4);
  }

  @Test
  void theFirstBytes() {
    Api.Binary r = get("bytes=0-99");

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range")).isEqualTo("bytes 0-99/" + wav.length);
    assertThat(r.header("Content-Length")).isEqualTo("100");
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(wav, 0, 100));
    assertThat(new String(r.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");
  }

  @Test
  void bytesFromTheMiddle() {
    Api.Binary r = get("bytes=20000-29999");

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range")).isEqualTo("bytes 20000-29999/" + wav.length);
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(wav, 20000, 30000));
  }

  @Test
  void fromAnOffsetToTheEnd() {
    Api.Binary r = get("bytes=40000-");

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range"))
        .isEqualTo("bytes 40000-" + (wav.length - 1) + "/" + wav.length);
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(wav, 40000, wav.length));
  }

  @Test
  void theLastBytes() {
    Api.Binary r = get("bytes=-100");

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range"))
        .isEqualTo("bytes " + (wav.length - 100) + "-" + (wav.length - 1) + "/" + wav.length);
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 100, wav.length));
  }

  @Test
  void aRangeEndingPastTheFileIsCutAtItsEnd() {
    Api.Binary r = get("bytes=" + (wav.length - 10) + "-" + (wav.length + 5000));

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
  }

  @Test
  void aRangeOutsideTheFileOrUnreadableIs416() {
    for (String range :
        new String[] {
          "bytes=" + wav.length + "-", "bytes=999999-1000000", "bytes=abc", "bytes=50-10"
        }) {
      Api.Binary r = get(range);

      assertThat(r.status()).as(range).isEqualTo(416);
      assertThat(r.header("Content-Range")).as(range).isEqualTo("bytes */" + wav.length);
    }
  }

  @Test
  void aStaleIfRangeGetsTheWholeFile() {
    Api.Binary stale =
        listener.bytes(audio, Map.of("Range", "bytes=0-9", "If-Range", "\"not-the-etag\""));
    Api.Binary fresh =
        listener.bytes(
            audio,
            Map.of("Range", "bytes=0-9", "If-Range", "\"" + recording.audio().sha256() + "\""));

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(wav);
    assertThat(fresh.status()).isEqualTo(206);
    assertThat(fresh.body()).hasSize(10);
  }

  @Test
  void theAudioNeedsAnOpenSessionOfThisLogin() {
    String base = "/api/v1/recordings/" + recording.id() + "/audio";
    Api other = admin().as(admin().seed().login(tenant, LoginRole.SUPER).email());

    assertThat(listener.bytes(base, Map.of()).status()).isEqualTo(400);
    assertThat(listener.bytes(base + "?session=" + UUID.randomUUID(), Map.of()).status())
        .isEqualTo(409);
    assertThat(other.bytes(audio, Map.of()).status())
        .as("another login cannot use this player's session")
        .isEqualTo(409);
  }

  @Test
  void theDownloadHasItsNameAndRangesToo() {
    Api.Binary whole =
        listener.bytes("/api/v1/recordings/" + recording.id() + "/download", Map.of());
    Api.Binary end =
        listener.bytes(
            "/api/v1/recordings/" + recording.id() + "/download", Map.of("Range", "bytes=-44"));

    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(wav);
    assertThat(whole.header("Content-Disposition")).startsWith("attachment; filename=\"");
    assertThat(end.status()).isEqualTo(206);
    assertThat(end.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 44, wav.length));
  }
}
