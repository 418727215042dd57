package se.vittne.capture.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jcodec.codecs.wav.WavHeader;
import org.jcodec.common.AudioFormat;

/**
 * One recording's WAV file in the spool, written sequentially while the call runs: a canonical
 * 44-byte header (jcodec's {@link WavHeader}) whose sizes say zero until {@link #complete} rewrites
 * it, then interleaved 16-bit little-endian PCM. Used by one thread at a time.
 */
public final class WavSpoolFile implements AutoCloseable {
  /** The length of the header the file starts with. */
  public static final int HEADER_LENGTH = 44;

  static final String PART = ".wav.part";
  static final String META = ".meta.properties";
  static final String DONE = ".wav";
  static final String RECOVERED = ".recovered.wav";
  static final String RECOVERED_META = ".recovered.properties";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path part;
  private final Path meta;
  private final Path done;
  private final SpoolMetadata metadata;
  private final FileChannel channel;
  private long dataBytes;
  private boolean open = true;

  private WavSpoolFile(
      Path part, Path meta, Path done, SpoolMetadata metadata, FileChannel channel) {
    this.part = part;
    this.meta = meta;
    this.done = done;
    this.metadata = metadata;
    this.channel = channel;
  }

  /**
   * Starts a recording's file: writes its metadata, then the WAV header.
   *
   * @throws java.nio.file.FileAlreadyExistsException when the session's files already exist
   * @throws IOException when the spool cannot be written
   */
  public static WavSpoolFile create(Path spool, SpoolMetadata metadata) throws IOException {
    String base = fileName(metadata.sessionId());
    Path part = spool.resolve(base + PART);
    Path meta = spool.resolve(base + META);
    Path done = spool.resolve(base + DONE);
    for (Path p : new Path[] {done, spool.resolve(base + RECOVERED)}) {
      if (Files.exists(p)) {
        throw new java.nio.file.FileAlreadyExistsException(p.toString());
      }
    }
    FileChannel channel =
        FileChannel.open(
            part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
    try {
      metadata.write(meta);
      header(metadata.sampleRate(), metadata.channels(), 0).write(channel);
      return new WavSpoolFile(part, meta, done, metadata, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(part);
      Files.deleteIfExists(meta);
      throw e;
    }
  }

  /**
   * The file name for a session id: the id itself when it is a safe file name, otherwise its safe
   * characters and a hash of the whole, so that distinct ids never share a file.
   */
  public static String fileName(String sessionId) {
    if (SAFE.matcher(sessionId).matches()) {
      return sessionId;
    }
    String cleaned = sessionId.replaceAll("[^A-Za-z0-9._-]", "_");
    cleaned = cleaned.substring(0, Math.min(60, cleaned.length()));
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return cleaned + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  static WavHeader header(int sampleRate, int channels, long frames) {
    WavHeader h =
        WavHeader.createWavHeader(new AudioFormat(sampleRate, 16, channels, true, false), 0);
    h.dataSize = frames * channels * 2L;
    return h;
  }

  /** Appends PCM: all remaining bytes of {@code pcm}. */
  public void write(ByteBuffer pcm) throws IOException {
    while (pcm.hasRemaining()) {
      dataBytes += channel.write(pcm);
    }
  }

  /** Cuts the audio back to its first {@code frames} frames; no-op when it holds no more. */
  public void truncate(long frames) throws IOException {
    long bytes = frames * 2L * metadata.channels();
    if (bytes < dataBytes) {
      channel.truncate(HEADER_LENGTH + bytes);
      channel.position(HEADER_LENGTH + bytes);
      dataBytes = bytes;
    }
  }

  /** Frames written so far. */
  public long frames() {
    return dataBytes / (2L * metadata.channels());
  }

  public SpoolMetadata metadata() {
    return metadata;
  }

  /**
   * Finishes the file: writes the header with the real sizes, forces it to disk and renames it to
   * its final name; the metadata file goes. Returns the final path.
   */
  public Path complete() throws IOException {
    channel.position(0);
    header(metadata.sampleRate(), metadata.channels(), frames()).write(channel);
    channel.force(true);
    channel.close();
    open = false;
    Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
    Files.deleteIfExists(meta);
    return done;
  }

  /** Closes and erases everything written. Idempotent. */
  public void discard() throws IOException {
    close();
    Files.deleteIfExists(part);
    Files.deleteIfExists(meta);
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      channel.close();
    }
  }
}
