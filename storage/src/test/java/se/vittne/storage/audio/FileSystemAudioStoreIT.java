package se.vittne.storage.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemAudioStoreIT extends AudioStoreContract {
  @TempDir Path root;
  private FileSystemAudioStore store;

  @BeforeEach
  void setUp() throws IOException {
    store = new FileSystemAudioStore(root);
  }

  @Override
  protected AudioStore store() {
    return store;
  }

  @Test
  void filesFanOutByTenantAndDate() throws Exception {
    StoreKey key = key();
    store.put(key, new java.io.ByteArrayInputStream(bytes(10, 1)));

    assertThat(root.resolve(key.value())).isRegularFile();
    assertThat(key.value()).matches("[0-9a-f-]{36}/2026/11/28/[0-9a-f-]{36}\\.wav");
  }

  @Test
  void aFailedPutLeavesNoTemporaryFileBehind() throws Exception {
    StoreKey key = key();
    assertThatThrownBy(() -> store.put(key, failingAfter(bytes(1000, 2), 100)))
        .isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
