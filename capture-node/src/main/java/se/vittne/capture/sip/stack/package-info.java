/**
 * The only place that knows JAIN-SIP (the NIST reference implementation): it configures the stack
 * (UDP, TCP, TLS listening points; logging through SLF4J; a parser that counts malformed messages),
 * turns the stack's callbacks into {@link se.vittne.capture.sip.message} records for the dialog
 * logic, and sends what that logic answers.
 *
 * <p>Known pitfalls handled here: the stack refuses port 0 (the server picks a free port first);
 * the blocking (OIO) transport is used, not NIO, because of the NIO first-request race on new TCP
 * connections (usnistgov/jsip issue 77); stack debug output goes to SLF4J at TRACE.
 */
package se.vittne.capture.sip.stack;
