package se.vittne.capture.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's stack log, sent to SLF4J (named by {@code gov.nist.javax.sip.STACK_LOGGER}). The
 * stack's debug and trace output is very chatty, so it goes to TRACE; its info to DEBUG; warnings
 * and errors stay what they are.
 */
public final class Slf4jStackLogger implements StackLogger {
  private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

  /** The stack logs whole receive buffers (64 KiB as a byte list) on errors; keep the start. */
  private static final int MAX_MESSAGE = 600;

  public Slf4jStackLogger() {
    // Instantiated by the stack through reflection.
  }

  @Override
  public void logStackTrace() {
    if (LOG.isTraceEnabled()) {
      LOG.trace("stack trace", new Throwable("stack trace"));
    }
  }

  @Override
  public void logStackTrace(int traceLevel) {
    logStackTrace();
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    LOG.warn("JAIN-SIP exception", ex);
  }

  @Override
  public void logDebug(String message) {
    LOG.trace(cut(message));
  }

  @Override
  public void logDebug(String message, Exception ex) {
    LOG.trace(cut(message), ex);
  }

  @Override
  public void logTrace(String message) {
    LOG.trace(cut(message));
  }

  @Override
  public void logFatalError(String message) {
    LOG.error(cut(message));
  }

  @Override
  public void logError(String message) {
    LOG.error(cut(message));
  }

  @Override
  public boolean isLoggingEnabled() {
    return LOG.isWarnEnabled();
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    if (logLevel >= TRACE_DEBUG) {
      return LOG.isTraceEnabled();
    }
    if (logLevel >= TRACE_INFO) {
      return LOG.isDebugEnabled();
    }
    if (logLevel >= TRACE_WARN) {
      return LOG.isWarnEnabled();
    }
    return logLevel > TRACE_NONE && LOG.isErrorEnabled();
  }

  @Override
  public void logError(String message, Exception ex) {
    LOG.error(cut(message), ex);
  }

  @Override
  public void logWarning(String message) {
    // The stack warns about its TLS defaults on every start, TLS or not; a TLS listener that
    // cannot start fails loudly on its own.
    String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("tls")
        || lower.contains("keystore")
        || lower.contains("truststore")
        || lower.contains("key store")
        || lower.contains("trust store")) {
      LOG.debug(cut(message));
    } else {
      LOG.warn(cut(message));
    }
  }

  @Override
  public void logInfo(String message) {
    LOG.debug(cut(message));
  }

  @Override
  public void disableLogging() {
    // Levels are SLF4J's to decide.
  }

  @Override
  public void enableLogging() {
    // Levels are SLF4J's to decide.
  }

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {
    LOG.debug("JAIN-SIP build {}", buildTimeStamp);
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // Nothing to configure: SLF4J's configuration applies.
  }

  private static String cut(String message) {
    return message == null || message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " chars)";
  }

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }
}
