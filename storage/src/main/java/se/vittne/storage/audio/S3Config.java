package se.vittne.storage.audio;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3-compatible bucket.
 *
 * @param endpoint the service's URL; empty for AWS itself
 * @param region the region (any value for most S3-compatible services)
 * @param bucket the bucket holding the audio
 * @param accessKey the access key ID
 * @param secretKey the secret access key
 * @param pathStyle whether to address the bucket in the path (most self-hosted services need it)
 * @param partSize the part size of multipart uploads, at least 5 MiB (the S3 minimum)
 */
public record S3Config(
    Optional<URI> endpoint,
    String region,
    String bucket,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    int partSize) {
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  public S3Config {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 parts are at least 5 MiB");
    }
  }

  @Override
  public String toString() {
    return "S3Config[" + endpoint.map(URI::toString).orElse("aws") + ", " + bucket + "]";
  }
}
