package se.vittne.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server processes log at INFO (each line with the call's ID where there is one); the tools keep
 * the launcher's default of warnings only, so that their stdout is their report.
 */
final class ServerLogging {
  private ServerLogging() {}

  static void enable() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getenv().getOrDefault("VITTNE_LOG_LEVEL", "INFO")));
    ((Logger) LoggerFactory.getLogger("gov.nist")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("org.jooq")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.WARN);
  }
}
