/**
 * The protocol logic of the recording server, free of any SIP stack: trust and extension checks on
 * out-of-dialog requests, one {@link se.vittne.capture.sip.dialog.RecordingDialog} per session
 * (offer, answer, re-INVITE and UPDATE, BYE, CANCEL, session timers of RFC 4028), and the mapping
 * of SDP sections to media streams. Each session's events run one at a time on a virtual thread.
 */
package se.vittne.capture.sip.dialog;
