/**
 * Phone numbers in E.164 form, and the normalisation that makes every way a PBX or a person writes
 * a number ({@code +46701234567}, {@code 0046701234567}, {@code 070-123 45 67}, {@code tel:} and
 * {@code sip:...;user=phone} URIs) compare equal.
 */
package se.vittne.policy.number;
