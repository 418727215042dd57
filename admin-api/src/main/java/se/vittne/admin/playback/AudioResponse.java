package se.vittne.admin.playback;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.ByteRange;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.audio.AudioNotFoundException;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audio.StoredObject;
import se.vittne.storage.recording.AudioInfo;

/**
 * Sends a recording's WAV file with HTTP range requests (RFC 9110 section 14): a single range is
 * answered 206 with its Content-Range, read from the store as that range only (an S3 ranged GET,
 * not the whole object); a range that cannot be satisfied, or that cannot be read, is 416 with
 * {@code Content-Range: bytes *}{@code /length}; several ranges at once are answered with the whole
 * file (RFC 9110 allows it, and players never ask for them). {@code If-Range} with a stale ETag
 * gets the whole file too. The ETag is the file's SHA-256, which never changes.
 *
 * <p>Javalin's {@code writeSeekableStream} is not used: it skips through the stream from byte 0,
 * answers suffix ranges ({@code bytes=-500}) with the wrong bytes and never says 416. Jetty's
 * {@link ByteRange} parses the header.
 */
public final class AudioResponse {
  public static final String WAV = "audio/wav";
  private static final int BUFFER = 64 * 1024;

  private AudioResponse() {}

  /**
   * Writes the audio as the response.
   *
   * @param attachment the file name to download it as; empty to play it in the page
   */
  public static void send(
      Context ctx, AudioStore store, AudioInfo audio, Optional<String> attachment)
      throws IOException {
    StoreKey key = new StoreKey(audio.storeKey());
    StoredObject object = store.stat(key).orElseThrow(() -> new AudioNotFoundException(key));
    long length = object.size();
    String etag = "\"" + audio.sha256() + "\"";
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("ETag", etag);
    attachment.ifPresent(
        name -> ctx.header("Content-Disposition", ContentDisposition.attachment(name)));
    ctx.contentType(WAV);
    ctx.disableCompression();
    String range = ctx.header("Range");
    String ifRange = ctx.header("If-Range");
    boolean rangeApplies =
        range != null
            && range.strip().startsWith("bytes=")
            && (ifRange == null || ifRange.strip().equals(etag));
    if (!rangeApplies || length == 0) {
      ctx.status(200);
      ctx.res().setContentLengthLong(length);
      copy(store.get(key), ctx);
      return;
    }
    List<ByteRange> ranges = ByteRange.parse(List.of(range), length);
    if (ranges.isEmpty()) {
      throw new RangeNotSatisfiable(length);
    }
    if (ranges.size() > 1) {
      ctx.status(200);
      ctx.res().setContentLengthLong(length);
      copy(store.get(key), ctx);
      return;
    }
    ByteRange r = ranges.get(0);
    ctx.status(206);
    ctx.header("Content-Range", r.toHeaderValue(length));
    ctx.res().setContentLengthLong(r.getLength());
    copy(store.get(key, se.vittne.storage.audio.ByteRange.of(r.first(), r.getLength())), ctx);
  }

  /**
   * Copies the audio to the client. A client that goes away mid-way (a player seeking elsewhere
   * drops its request) is normal and ends the copy quietly; a failure to read the store is not.
   */
  private static void copy(InputStream audio, Context ctx) throws IOException {
    try (InputStream in = audio) {
      OutputStream out = ctx.res().getOutputStream();
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = in.read(buffer)) > 0) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException clientGone) {
          return;
        }
      }
      try {
        out.flush();
      } catch (IOException clientGone) {
        // nothing to do: the client has what it wanted
      }
    }
  }

  /** 416: the range starts past the end, or cannot be read. */
  public static final class RangeNotSatisfiable extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final long length;

    public RangeNotSatisfiable(long length) {
      super(
          416,
          "range-not-satisfiable",
          "Range not satisfiable",
          "The requested range is not within the file's " + length + " bytes.");
      this.length = length;
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("Content-Range", ByteRange.toNonSatisfiableHeaderValue(length));
    }
  }
}
