/**
 * The recording session lifecycle: from a SIP offer to the parties whose side is recorded, the
 * policy gate and licences (R-11, R-13, R-3x, R-38), the media, and at the end the archive job. A
 * call whose audio must not be kept leaves only a "not recorded" row with the deciding rule.
 */
package se.vittne.capture.session;
