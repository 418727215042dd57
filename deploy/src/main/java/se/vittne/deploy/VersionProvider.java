package se.vittne.deploy;

import picocli.CommandLine.IVersionProvider;

/** The version of the distribution, as Maven wrote it into the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Vittne.class.getPackage().getImplementationVersion();
    return new String[] {"vittne " + (version == null ? "(development build)" : version)};
  }
}
