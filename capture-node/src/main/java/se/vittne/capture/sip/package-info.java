/**
 * The capture node's signalling: a SIPREC recording server (RFC 7866) that also takes plain forked
 * call legs, over UDP, TCP and TLS.
 *
 * <p>Start it with {@link SipServer#start}, giving a {@link SipServerConfig}, a {@link
 * se.vittne.capture.sip.trunk.TrunkDirectory} that says which sources are trusted PBX trunks, and
 * the {@link RecordingSessionHandler} that the session layer implements. The server turns each
 * trusted INVITE into a {@link SessionOffer} (streams mapped to {@link
 * se.vittne.capture.media.StreamSpec}s, SIPREC metadata, {@link SignalledFacts}), answers with
 * receive-only SDP built from the {@link se.vittne.capture.media.LocalEndpoint}s the handler
 * returns, follows re-INVITEs and UPDATEs as {@link SessionUpdate}s, and reports the end of every
 * accepted session once as a {@link SessionEnd}.
 *
 * <p>Sub-packages: {@code stack} holds everything of JAIN-SIP; {@code dialog} the protocol logic;
 * {@code message} the records between the two; {@code body}, {@code sdp}, {@code siprec}, {@code
 * trunk} and {@code facts} the parsers and rules.
 */
package se.vittne.capture.sip;
