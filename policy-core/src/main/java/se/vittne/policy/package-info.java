/**
 * Decides whether a call is recorded for one recorded party, by which rule, and why.
 *
 * <p>The library is pure: values in, a {@link se.vittne.policy.Decision} out, no I/O and no
 * framework types. Capture nodes use it as the recording gate; the admin API uses it for the "test
 * call" simulator and to explain each recording. The rules and their precedence are those of
 * REQUIREMENTS and are described for super users in {@code docs/policy.md}.
 */
package se.vittne.policy;
