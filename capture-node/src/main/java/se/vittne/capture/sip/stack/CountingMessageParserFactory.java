package se.vittne.capture.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's message parser (named by {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}), counting
 * every message it cannot parse. The stack instantiates the factory by class name, so each server
 * registers its counter under its stack name.
 */
public final class CountingMessageParserFactory implements MessageParserFactory {
  private static final Map<String, Runnable> COUNTERS = new ConcurrentHashMap<>();

  /** Marks a parsed request whose request line is not SIP/2.0 (answered 505 by the endpoint). */
  static final Object UNSUPPORTED_VERSION = new Object();

  public CountingMessageParserFactory() {
    // Instantiated by the stack through reflection.
  }

  static void register(String stackName, Runnable counter) {
    COUNTERS.put(stackName, counter);
  }

  static void unregister(String stackName) {
    COUNTERS.remove(stackName);
  }

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return new CountingParser(stack);
  }

  /** Parses as the stack does and counts what fails. */
  private static final class CountingParser extends StringMsgParser {
    private final SIPTransactionStack stack;

    CountingParser(SIPTransactionStack stack) {
      this.stack = stack;
    }

    @Override
    public SIPMessage parseSIPMessage(
        byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
        throws ParseException {
      try {
        SIPMessage parsed = super.parseSIPMessage(message, readBody, strict, listener);
        if (parsed != null) {
          requireMandatoryHeaders(parsed);
          if (parsed instanceof gov.nist.javax.sip.message.SIPRequest
              && !ParseText.version20(message)) {
            // The stack's request-line parser drops the version; mark it for a 505.
            parsed.setApplicationData(UNSUPPORTED_VERSION);
          }
        }
        return parsed;
      } catch (ParseException e) {
        count();
        // The stack puts this message into the reason phrase of its automatic 400 (UDP): one
        // line, bounded, or the response's framing breaks.
        throw new ParseException(ParseText.oneLine(e.getMessage()), e.getErrorOffset());
      } catch (RuntimeException e) {
        count();
        throw new ParseException(ParseText.oneLine(String.valueOf(e.getMessage())), 0);
      }
    }

    private void count() {
      Runnable counter = COUNTERS.get(stackName(stack));
      if (counter != null) {
        counter.run();
      }
    }

    /**
     * RFC 3261 section 8.1.1: without these no response can be matched to the request; the stack
     * would fail on them later without counting, so they fail here.
     */
    private static void requireMandatoryHeaders(SIPMessage parsed) throws ParseException {
      String missing =
          parsed.getCSeq() == null
              ? "CSeq"
              : parsed.getCallId() == null
                  ? "Call-ID"
                  : parsed.getFrom() == null
                      ? "From"
                      : parsed.getTo() == null
                          ? "To"
                          : parsed.getTopmostVia() == null ? "Via" : null;
      if (missing != null) {
        throw new ParseException("missing mandatory header " + missing, 0);
      }
    }

    private static String stackName(SIPTransactionStack stack) {
      return stack instanceof gov.nist.javax.sip.SipStackImpl impl ? impl.getStackName() : "";
    }
  }
}
