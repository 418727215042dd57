/**
 * From SIP to call facts: reads the {@code X-Vittne-*} headers, the standard identity headers
 * (P-Asserted-Identity, Diversion, History-Info) of plain forked legs, and the vendor extension
 * data of SIPREC metadata whose meaning the vendors document. A fact that no source states stays
 * unknown; {@code docs/siprec-integration.md} lists every rule.
 */
package se.vittne.capture.sip.facts;
