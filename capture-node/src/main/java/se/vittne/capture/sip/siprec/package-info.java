/**
 * SIPREC recording metadata (RFC 7865): the model a recording server keeps of a recorded call
 * (groups, sessions, participants, streams and their associations, vendor extension data kept raw),
 * the hardened and dialect-tolerant XML reader, and the merging of partial updates.
 */
package se.vittne.capture.sip.siprec;
