package se.vittne.storage.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Audio in a directory tree: {@code <root>/<tenant>/<yyyy>/<MM>/<dd>/<recording>.wav}. A put writes
 * a hidden temporary file beside the target, forces it to disk, renames it into place atomically
 * and forces the directory, so after a crash the file is either whole or absent. Temporary files
 * start with a dot and are never listed.
 */
public final class FileSystemAudioStore implements AudioStore {
  private static final String TEMPORARY_SUFFIX = ".partial";

  private final Path root;

  public FileSystemAudioStore(Path root) throws IOException {
    this.root = Files.createDirectories(root).toRealPath();
  }

  @Override
  public PutResult put(StoreKey key, InputStream content) throws IOException {
    Path target = path(key);
    Path directory = Files.createDirectories(target.getParent());
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
    try {
      MessageDigest digest = Sha256.newDigest();
      long size;
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
        size = content.transferTo(out);
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(temporary, target);
      forceDirectory(directory);
      return new PutResult(key, size, HexFormat.of().formatHex(digest.digest()));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the audio directory's filesystem cannot rename atomically", e);
    }
  }

  /** Makes the rename itself durable (POSIX: fsync of the directory). */
  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for reading; the rename is still atomic there.
      if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
        return;
      }
      throw e;
    }
  }

  @Override
  public InputStream get(StoreKey key, ByteRange range) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(path(key), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new AudioNotFoundException(key);
    }
    try {
      if (range.offset() >= channel.size()) {
        throw new InvalidRangeException(key, range);
      }
      channel.position(range.offset());
      return new BoundedInputStream(Channels.newInputStream(channel), range.length());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(path(key), BasicFileAttributes.class);
      return Optional.of(new StoredObject(key, a.size(), a.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean delete(StoreKey key) throws IOException {
    return Files.deleteIfExists(path(key));
  }

  @Override
  public Stream<StoredObject> list(String prefix) throws IOException {
    // walk the deepest directory the prefix names, then filter on the full key
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return Stream.empty();
    }
    return Files.walk(start)
        .filter(Files::isRegularFile)
        .filter(p -> !p.getFileName().toString().startsWith("."))
        .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
        .filter(k -> k.startsWith(prefix))
        .map(k -> stored(new StoreKey(k)));
  }

  private StoredObject stored(StoreKey key) {
    try {
      return stat(key).orElseThrow(() -> new NoSuchFileException(key.value()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path path(StoreKey key) {
    Path path = root.resolve(key.value()).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("key escapes the store: " + key);
    }
    return path;
  }
}
