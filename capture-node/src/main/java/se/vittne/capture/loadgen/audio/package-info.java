/**
 * The audio a load generator sends: test tones or a WAV file, encoded once at start into a loop of
 * 20 ms payloads for PCMU, PCMA (ITU-T G.711), G.722 (ITU-T G.722, written here because no Java
 * encoder exists) and Opus (Concentus). Nothing here runs per packet.
 */
package se.vittne.capture.loadgen.audio;
