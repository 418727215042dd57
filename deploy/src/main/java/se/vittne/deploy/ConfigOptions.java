package se.vittne.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import se.vittne.deploy.config.ConfigLoader;
import se.vittne.deploy.config.VittneConfig;

/** The options every server command takes: a configuration file and single overrides. */
final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Configuration file (see deploy/config/vittne.properties). Environment variables such as"
              + " VITTNE_DATABASE_PASSWORD override it.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Overrides one setting, e.g. --set vittne.capture.sip.port=5070.")
  Map<String, String> overrides = new LinkedHashMap<>();

  VittneConfig load() throws IOException {
    return ConfigLoader.load(file, overrides);
  }

  VittneConfig load(Map<String, String> defaults) throws IOException {
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    merged.putAll(overrides);
    return ConfigLoader.load(file, merged);
  }
}
