package se.vittne.storage.audio;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Audio in an S3-compatible bucket (AWS SDK v2, synchronous client over Apache HttpClient 5). An
 * object smaller than one part goes up in a single PUT; a larger one as a multipart upload that is
 * aborted if anything fails, so a failed put never leaves a visible object. Only one part is held
 * in memory at a time. The SHA-256 is computed while reading and stored as object metadata.
 */
public final class S3AudioStore implements AudioStore, AutoCloseable {
  static final String SHA256_METADATA = "sha256";

  private final S3Client s3;
  private final String bucket;
  private final int partSize;

  public S3AudioStore(S3Client s3, String bucket, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  /** Builds the client from configuration. */
  public static S3AudioStore connect(S3Config config) {
    var builder =
        S3Client.builder()
            .httpClient(Apache5HttpClient.create())
            .region(Region.of(config.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
            .forcePathStyle(config.pathStyle())
            // we verify content with our own SHA-256; not every S3-compatible service accepts
            // the SDK's default trailing checksums
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().ifPresent(builder::endpointOverride);
    return new S3AudioStore(builder.build(), config.bucket(), config.partSize());
  }

  @Override
  public PutResult put(StoreKey key, InputStream content) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] first = content.readNBytes(partSize);
    digest.update(first);
    if (first.length < partSize) {
      String sha256 = HexFormat.of().formatHex(digest.digest());
      s3.putObject(
          b -> b.bucket(bucket).key(key.value()).metadata(Map.of(SHA256_METADATA, sha256)),
          RequestBody.fromBytes(first));
      return new PutResult(key, first.length, sha256);
    }
    return multipart(key, first, content, digest);
  }

  private PutResult multipart(StoreKey key, byte[] first, InputStream content, MessageDigest digest)
      throws IOException {
    // S3 fixes metadata when the upload starts, before the hash is known, so a large object's
    // hash lives only in the database row (the caller stores what this returns).
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key.value())).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long size = 0;
      byte[] part = first;
      while (part.length > 0) {
        int number = parts.size() + 1;
        byte[] body = part;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(bucket)
                            .key(key.value())
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) body.length),
                    RequestBody.fromBytes(body))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size += part.length;
        part = content.readNBytes(partSize);
        digest.update(part);
      }
      s3.completeMultipartUpload(b ->
          b.bucket(bucket)
              .key(key.value())
              .uploadId(uploadId)
              .multipartUpload(m -> m.parts(parts)));
      return new PutResult(key, size, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException | RuntimeException e) {
      abort(key, uploadId, e);
      throw e;
    }
  }

  private void abort(StoreKey key, String uploadId, Exception cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId));
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public InputStream get(StoreKey key, ByteRange range) throws IOException {
    String header =
        range.length() == ByteRange.TO_END
            ? "bytes=" + range.offset() + "-"
            : "bytes=" + range.offset() + "-" + range.lastInclusive();
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key.value()).range(header));
    } catch (NoSuchKeyException e) {
      throw new AudioNotFoundException(key);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        throw new InvalidRangeException(key, range);
      }
      if (e.statusCode() == 404) {
        throw new AudioNotFoundException(key);
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) {
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key.value()));
      return Optional.of(new StoredObject(key, head.contentLength(), head.lastModified()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean delete(StoreKey key) {
    boolean existed = stat(key).isPresent();
    s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
    return existed;
  }

  @Override
  public Stream<StoredObject> list(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> new StoredObject(new StoreKey(o.key()), o.size(), o.lastModified()));
  }

  /** The underlying client, for operations beyond storing audio (creating the bucket, say). */
  public S3Client client() {
    return s3;
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public void close() {
    s3.close();
  }
}
