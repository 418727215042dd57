/**
 * The capture node: takes part in SIP call legs from PBXs and SBCs (SIPREC or plain forked legs),
 * receives their RTP, decides by the tenant's policy whether to record, writes aligned stereo WAV
 * while the call runs and hands finished recordings to the archive.
 */
package se.vittne.capture;
