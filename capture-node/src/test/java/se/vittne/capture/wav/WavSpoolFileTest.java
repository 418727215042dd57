package se.vittne.capture.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavSpoolFileTest {
  @TempDir Path spool;

  private static SpoolMetadata meta(String id) {
    return new SpoolMetadata(id, "call-" + id, Instant.parse("2026-11-28T10:00:00Z"), 8000, 2);
  }

  static ByteBuffer stereoRamp(int frames, int from) {
    ByteBuffer b = ByteBuffer.allocateDirect(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      b.putShort((short) (from + i));
      b.putShort((short) -(from + i));
    }
    return b.flip();
  }

  @Test
  void completedFileIsAValidWavWithEverythingWritten() throws Exception {
    WavSpoolFile file = WavSpoolFile.create(spool, meta("s1"));
    file.write(stereoRamp(1000, 0));
    file.write(stereoRamp(600, 1000));
    Path done = file.complete();

    assertThat(done).isEqualTo(spool.resolve("s1.wav"));
    assertThat(spool.resolve("s1.wav.part")).doesNotExist();
    assertThat(spool.resolve("s1.meta.properties")).doesNotExist();
    try (AudioInputStream in = AudioSystem.getAudioInputStream(done.toFile())) {
      assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
      assertThat(in.getFormat().getChannels()).isEqualTo(2);
      assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
      assertThat(in.getFrameLength()).isEqualTo(1600);
      byte[] pcm = in.readAllBytes();
      ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.getShort(4 * 1599)).isEqualTo((short) 1599);
      assertThat(b.getShort(4 * 1599 + 2)).isEqualTo((short) -1599);
    }
  }

  @Test
  void truncatingCutsTheAudioAndTheHeaderSaysSo() throws Exception {
    WavSpoolFile file = WavSpoolFile.create(spool, meta("s5"));
    file.write(stereoRamp(1600, 0));
    file.truncate(1200);
    file.truncate(1500); // longer than what is left: nothing happens
    assertThat(file.frames()).isEqualTo(1200);
    Path done = file.complete();

    assertThat(Files.size(done)).isEqualTo(WavSpoolFile.HEADER_LENGTH + 1200 * 4);
    try (AudioInputStream in = AudioSystem.getAudioInputStream(done.toFile())) {
      assertThat(in.getFrameLength()).isEqualTo(1200);
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.getShort(4 * 1199)).isEqualTo((short) 1199);
    }
  }

  @Test
  void discardErasesEverything() throws Exception {
    WavSpoolFile file = WavSpoolFile.create(spool, meta("s2"));
    file.write(stereoRamp(100, 0));
    file.discard();
    file.discard();
    try (var files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesASessionIdWhoseFileExists() throws Exception {
    WavSpoolFile.create(spool, meta("s3")).complete();
    assertThatThrownBy(() -> WavSpoolFile.create(spool, meta("s3")))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void unsafeSessionIdsGetDistinctSafeFileNames() {
    String a = WavSpoolFile.fileName("../../etc/passwd");
    String b = WavSpoolFile.fileName("..\\..\\etc\\passwd");
    assertThat(a).matches("[A-Za-z0-9._-]+").doesNotContain("/").isNotEqualTo(b);
    assertThat(WavSpoolFile.fileName("abc-123_x.y")).isEqualTo("abc-123_x.y");
  }

  @Test
  void recoveryRepairsAnUnfinishedFileCuttingThePartialFrame() throws IOException, Exception {
    WavSpoolFile file = WavSpoolFile.create(spool, meta("crashed"));
    file.write(stereoRamp(8000, 0));
    ByteBuffer partial = ByteBuffer.wrap(new byte[] {1, 2, 3});
    file.write(partial);
    file.close(); // as after kill -9: header still says 0 bytes

    var recovered = SpoolRecovery.recover(spool);

    assertThat(recovered).hasSize(1);
    RecoveredRecording r = recovered.get(0);
    assertThat(r.sessionId()).isEqualTo("crashed");
    assertThat(r.callId()).isEqualTo("call-crashed");
    assertThat(r.wavFile()).isEqualTo(spool.resolve("crashed.recovered.wav"));
    assertThat(r.metadataFile()).exists();
    assertThat(r.duration()).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(spool.resolve("crashed.wav.part")).doesNotExist();
    try (AudioInputStream in = AudioSystem.getAudioInputStream(r.wavFile().toFile())) {
      assertThat(in.getFrameLength()).isEqualTo(8000);
    }
    // a second start lists it again until the session layer takes it away
    assertThat(SpoolRecovery.recover(spool)).hasSize(1);
  }

  @Test
  void recoveryLeavesCompletedFilesAlone() throws Exception {
    WavSpoolFile.create(spool, meta("fine")).complete();
    assertThat(SpoolRecovery.recover(spool)).isEmpty();
    assertThat(spool.resolve("fine.wav")).exists();
  }
}
