package se.vittne.storage.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.vittne.policy.TenantId;

/**
 * The behaviour every {@link AudioStore} must have. Each implementation's test extends this class
 * and supplies a fresh, empty store.
 */
abstract class AudioStoreContract {
  /** Larger than the S3 store's part size, so that it goes up as a multipart upload. */
  static final int LARGE = 11 * 1024 * 1024 + 123;

  private final TenantId tenant = new TenantId(UUID.randomUUID());

  protected abstract AudioStore store();

  StoreKey key() {
    return StoreKey.forRecording(tenant, LocalDate.of(2026, 11, 28), UUID.randomUUID());
  }

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /** A stream that fails after {@code failAfter} bytes, like a caller that dies mid-upload. */
  static InputStream failingAfter(byte[] data, int failAfter) {
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        if (position >= failAfter) {
          throw new IOException("the writer died");
        }
        return data[position++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= failAfter) {
          throw new IOException("the writer died");
        }
        int n = Math.min(len, failAfter - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  @Test
  void aPutReturnsSizeAndSha256AndTheObjectReadsBackWhole() throws Exception {
    byte[] data = bytes(100_000, 1);
    StoreKey key = key();

    PutResult put = store().put(key, new ByteArrayInputStream(data));

    assertThat(put).isEqualTo(new PutResult(key, data.length, sha256(data)));
    assertThat(read(store().get(key))).isEqualTo(data);
    assertThat(store().stat(key))
        .hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(data.length));
  }

  @Test
  void aLargeObjectRoundTrips() throws Exception {
    byte[] data = bytes(LARGE, 2);
    StoreKey key = key();

    PutResult put = store().put(key, new ByteArrayInputStream(data));

    assertThat(put.size()).isEqualTo(LARGE);
    assertThat(put.sha256()).isEqualTo(sha256(data));
    assertThat(read(store().get(key))).isEqualTo(data);
  }

  @Test
  void anEmptyObjectCanBeStored() throws Exception {
    StoreKey key = key();
    assertThat(store().put(key, InputStream.nullInputStream()).size()).isZero();
    assertThat(store().stat(key)).hasValueSatisfying(o -> assertThat(o.size()).isZero());
  }

  @Test
  void rangedReadsReturnExactlyTheRequestedBytes() throws Exception {
    byte[] data = bytes(LARGE, 3);
    StoreKey key = key();
    store().put(key, new ByteArrayInputStream(data));

    assertThat(read(store().get(key, ByteRange.of(0, 44)))).isEqualTo(slice(data, 0, 44));
    assertThat(read(store().get(key, ByteRange.of(5_000_000, 1_000_000))))
        .isEqualTo(slice(data, 5_000_000, 1_000_000));
    assertThat(read(store().get(key, ByteRange.of(LARGE - 10, 10))))
        .isEqualTo(slice(data, LARGE - 10, 10));
    assertThat(read(store().get(key, ByteRange.from(LARGE - 1)))).containsExactly(data[LARGE - 1]);
    // a range reaching past the end is cut at the end
    assertThat(read(store().get(key, ByteRange.of(LARGE - 3, 100))))
        .isEqualTo(slice(data, LARGE - 3, 3));
  }

  @Test
  void aRangeStartingAtTheEndIsRefused() throws Exception {
    StoreKey key = key();
    store().put(key, new ByteArrayInputStream(bytes(10, 4)));

    assertThatThrownBy(() -> read(store().get(key, ByteRange.from(10))))
        .isInstanceOf(InvalidRangeException.class);
  }

  @Test
  void aMissingObjectIsReportedAsSuch() throws Exception {
    StoreKey key = key();
    assertThatThrownBy(() -> store().get(key)).isInstanceOf(AudioNotFoundException.class);
    assertThat(store().stat(key)).isEmpty();
  }

  @Test
  void aPutReplacesTheObject() throws Exception {
    StoreKey key = key();
    store().put(key, new ByteArrayInputStream(bytes(1000, 5)));
    byte[] second = bytes(500, 6);

    store().put(key, new ByteArrayInputStream(second));

    assertThat(read(store().get(key))).isEqualTo(second);
  }

  @Test
  void deleteRemovesTheObjectAndIsIdempotent() throws Exception {
    StoreKey key = key();
    store().put(key, new ByteArrayInputStream(bytes(1000, 7)));

    assertThat(store().delete(key)).isTrue();
    assertThat(store().delete(key)).isFalse();
    assertThat(store().stat(key)).isEmpty();
    assertThatThrownBy(() -> store().get(key)).isInstanceOf(AudioNotFoundException.class);
  }

  @Test
  void aPutInterruptedMidwayLeavesNothingVisible() throws Exception {
    StoreKey small = key();
    StoreKey large = key();

    assertThatThrownBy(() -> store().put(small, failingAfter(bytes(1000, 8), 500)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> store().put(large, failingAfter(bytes(LARGE, 9), 7 * 1024 * 1024)))
        .isInstanceOf(IOException.class);

    assertThat(store().stat(small)).isEmpty();
    assertThat(store().stat(large)).isEmpty();
    try (Stream<StoredObject> all = store().list(StoreKey.tenantPrefix(tenant))) {
      assertThat(all).isEmpty();
    }
  }

  @Test
  void anInterruptedReplacementKeepsThePreviousObject() throws Exception {
    StoreKey key = key();
    byte[] original = bytes(2000, 10);
    store().put(key, new ByteArrayInputStream(original));

    assertThatThrownBy(() -> store().put(key, failingAfter(bytes(3000, 11), 1500)))
        .isInstanceOf(IOException.class);

    assertThat(read(store().get(key))).isEqualTo(original);
  }

  @Test
  void listingShowsOnlyObjectsUnderThePrefix() throws Exception {
    StoreKey first = key();
    StoreKey second = key();
    StoreKey otherTenant =
        StoreKey.forRecording(
            new TenantId(UUID.randomUUID()), LocalDate.of(2026, 11, 28), UUID.randomUUID());
    store().put(first, new ByteArrayInputStream(bytes(10, 12)));
    store().put(second, new ByteArrayInputStream(bytes(20, 13)));
    store().put(otherTenant, new ByteArrayInputStream(bytes(30, 14)));

    try (Stream<StoredObject> listed = store().list(StoreKey.tenantPrefix(tenant))) {
      assertThat(listed.toList())
          .extracting(StoredObject::key, StoredObject::size)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(first, 10L),
              org.assertj.core.groups.Tuple.tuple(second, 20L));
    }
  }

  @Test
  void concurrentPutsOfDifferentKeysAllLand() throws Exception {
    List<StoreKey> keys = IntStream.range(0, 16).mapToObj(i -> key()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<PutResult>> puts =
          keys.stream()
              .<Callable<PutResult>>map(
                  k -> () -> store().put(k, new ByteArrayInputStream(bytes(50_000, k.hashCode()))))
              .toList();
      for (Future<PutResult> f : pool.invokeAll(puts)) {
        assertThat(f.get().size()).isEqualTo(50_000);
      }
    } finally {
      pool.shutdown();
    }
    for (StoreKey k : keys) {
      assertThat(read(store().get(k))).isEqualTo(bytes(50_000, k.hashCode()));
    }
  }

  private static byte[] slice(byte[] data, int offset, int length) {
    return java.util.Arrays.copyOfRange(data, offset, offset + length);
  }
}
