/**
 * One capture node as a process: its configuration, the wiring of SIP, media, policy gate, archive
 * and operations, recovery after a crash, and orderly shutdown with draining.
 */
package se.vittne.capture.node;
