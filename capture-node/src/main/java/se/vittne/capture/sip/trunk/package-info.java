/**
 * Source trust: which PBX trunks may start recordings, and for which tenant. A trunk is
 * recognised by its source address (a CIDR range), optionally proven by SIP digest authentication
 * (RFC 7616 with MD5, the only algorithm SRCs and SIPp share) or by a TLS certificate identity.
 * Everything else is refused.
 */
package se.vittne.capture.sip.trunk;
