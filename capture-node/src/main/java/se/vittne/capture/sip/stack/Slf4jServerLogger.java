package se.vittne.capture.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message log (every message sent and received), sent to SLF4J at TRACE under {@code
 * se.vittne.capture.sip.wire} (named by {@code gov.nist.javax.sip.SERVER_LOGGER}).
 */
public final class Slf4jServerLogger implements ServerLogger {
  private static final Logger WIRE = LoggerFactory.getLogger("se.vittne.capture.sip.wire");

  public Slf4jServerLogger() {
    // Instantiated by the stack through reflection.
  }

  @Override
  public void closeLogFile() {
    // No file.
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    log(message, from, to, "", sender);
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender, long time) {
    log(message, from, to, status, sender);
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender) {
    log(message, from, to, status, sender);
  }

  private static void log(
      SIPMessage message, String from, String to, String status, boolean sender) {
    if (WIRE.isTraceEnabled()) {
      WIRE.trace(
          "{} {} -> {} {}\n{}", sender ? "sent" : "received", from, to, status, message.encode());
    }
  }

  @Override
  public void logException(Exception ex) {
    WIRE.debug("JAIN-SIP message exception", ex);
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // Nothing to configure.
  }

  @Override
  public void setSipStack(SipStack sipStack) {
    // Not needed.
  }
}
