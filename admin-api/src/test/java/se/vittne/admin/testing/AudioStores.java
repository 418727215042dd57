package se.vittne.admin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audio.S3AudioStore;
import se.vittne.storage.audio.S3Config;

/**
 * The audio store a test server plays from: the filesystem store in a temporary directory, or the
 * S3 store against s3proxy (a real S3 API in this JVM, on a port the OS chose).
 */
public interface AudioStores {
  AudioStore open();

  void close();

  static AudioStores fileSystem() {
    return new AudioStores() {
      private Path root;

      @Override
      public AudioStore open() {
        try {
          root = Files.createTempDirectory("vittne-audio-");
          return new FileSystemAudioStore(root);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        if (root == null) {
          return;
        }
        try (Stream<Path> files = Files.walk(root)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  static AudioStores s3() {
    return new AudioStores() {
      private S3Proxy proxy;
      private S3AudioStore store;

      @Override
      public AudioStore open() {
        try {
          proxy =
              S3Proxy.builder()
                  .blobStore(new TransientNio2BlobStore())
                  .endpoint(URI.create("http://127.0.0.1:0"))
                  .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "vittne", "vittne-secret")
                  .build();
          proxy.start();
          while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
          }
        } catch (Exception e) {
          throw new IllegalStateException("s3proxy did not start", e);
        }
        String bucket = "audio-" + UUID.randomUUID();
        store =
            S3AudioStore.connect(
                new S3Config(
                    Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())),
                    "us-east-1",
                    bucket,
                    "vittne",
                    "vittne-secret",
                    true,
                    S3Config.MIN_PART_SIZE));
        store.client().createBucket(b -> b.bucket(bucket));
        return store;
      }

      @Override
      public void close() {
        try {
          if (store != null) {
            store.close();
          }
          if (proxy != null) {
            proxy.stop();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
