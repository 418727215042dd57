package se.vittne.admin.playback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The Content-Disposition header of a download (RFC 6266): an ASCII {@code filename} for old
 * clients and the exact UTF-8 name in {@code filename*} (RFC 8187).
 */
public final class ContentDisposition {
  private ContentDisposition() {}

  public static String attachment(String fileName) {
    return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
  }

  /** The name with accents dropped and anything else outside printable ASCII replaced. */
  static String ascii(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder out = new StringBuilder(plain.length());
    for (char c : plain.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    return out.toString();
  }

  /** RFC 8187 percent-encoding: URLEncoder's, with spaces as %20 rather than +. */
  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
