package se.vittne.deploy.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the configuration: defaults, then the file given with {@code --config}, then system
 * properties and environment variables, each overriding the one before.
 */
public final class ConfigLoader {
  private static final int FILE_ORDINAL = 250;

  private ConfigLoader() {}

  public static VittneConfig load(Path file, Map<String, String> overrides) throws IOException {
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder().addDefaultSources().withMapping(VittneConfig.class);
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw new IOException("cannot read configuration file " + file);
      }
      builder.withSources(new PropertiesConfigSource(file.toUri().toURL(), FILE_ORDINAL));
    }
    if (!overrides.isEmpty()) {
      builder.withSources(new PropertiesConfigSource(overrides, "launcher", 500));
    }
    SmallRyeConfig config = builder.build();
    return config.getConfigMapping(VittneConfig.class);
  }
}
