package se.vittne.capture.wav;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;

/**
 * What the spool keeps beside an unfinished WAV file so that a restarted node can tell what it is.
 *
 * @param sessionId the recording session's id
 * @param callId the SIP Call-ID
 * @param start the instant of the file's first sample
 * @param sampleRate the WAV sample rate
 * @param channels the WAV channels
 */
public record SpoolMetadata(
    String sessionId, String callId, Instant start, int sampleRate, int channels) {
  public SpoolMetadata {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(start, "start");
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("sessionId", sessionId);
    p.setProperty("callId", callId);
    p.setProperty("start", start.toString());
    p.setProperty("sampleRate", Integer.toString(sampleRate));
    p.setProperty("channels", Integer.toString(channels));
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "Vittne spool metadata");
    }
  }

  static SpoolMetadata read(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    try {
      return new SpoolMetadata(
          p.getProperty("sessionId"),
          p.getProperty("callId", ""),
          Instant.parse(p.getProperty("start")),
          Integer.parseInt(p.getProperty("sampleRate")),
          Integer.parseInt(p.getProperty("channels")));
    } catch (RuntimeException e) {
      throw new IOException("unreadable spool metadata " + file, e);
    }
  }
}
