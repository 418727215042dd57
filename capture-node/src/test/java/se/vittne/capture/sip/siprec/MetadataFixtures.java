package se.vittne.capture.sip.siprec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the metadata fixtures under {@code src/test/resources/sip/metadata}. */
public final class MetadataFixtures {
  private MetadataFixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = MetadataFixtures.class.getResourceAsStream("/sip/metadata/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RecordingMetadata parse(String name) throws MetadataException {
    return new MetadataParser(MetadataLimits.DEFAULT).parse(bytes(name));
  }
}
