/**
 * The records that pass between the SIP stack adapter and the dialog logic, so that no JAIN-SIP
 * type leaves {@code se.vittne.capture.sip.stack}: an inbound request with its raw headers and
 * body, the exchange to answer it on, the handle of a dialog to send requests in, and the metrics
 * both sides count into.
 */
package se.vittne.capture.sip.message;
