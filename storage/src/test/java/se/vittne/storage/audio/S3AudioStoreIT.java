package se.vittne.storage.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a real S3 API: s3proxy in this JVM, on a port the OS chose. */
class S3AudioStoreIT extends AudioStoreContract {
  private static S3Proxy proxy;
  private static S3Config config;
  private S3AudioStore store;
  private S3Client client;

  @BeforeAll
  static void startS3() throws Exception {
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
    config =
        new S3Config(
            Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())),
            "us-east-1",
            "unused",
            "vittne",
            "vittne-secret",
            true,
            S3Config.MIN_PART_SIZE);
  }

  @AfterAll
  static void stopS3() throws Exception {
    proxy.stop();
  }

  @BeforeEach
  void setUp() {
    String bucket = "audio-" + UUID.randomUUID();
    S3Config own =
        new S3Config(
            config.endpoint(),
            config.region(),
            bucket,
            config.accessKey(),
            config.secretKey(),
            true,
            config.partSize());
    store = S3AudioStore.connect(own);
    client = store.client();
    client.createBucket(b -> b.bucket(bucket));
  }

  @org.junit.jupiter.api.AfterEach
  void closeClient() {
    store.close();
  }

  @Override
  protected AudioStore store() {
    return store;
  }

  @Test
  void anInterruptedMultipartUploadIsAborted() throws Exception {
    StoreKey key = key();
    assertThatThrownBy(() -> store.put(key, failingAfter(bytes(LARGE, 1), 6 * 1024 * 1024)))
        .isInstanceOf(IOException.class);

    assertThat(client.listMultipartUploads(b -> b.bucket(store.bucket())).uploads()).isEmpty();
  }
}
