/**
 * The recording policy editor (R-3x) for super users: the applied policy and the draft, edits to
 * the draft (department policy per direction, approved direct numbers, group policy per answer
 * group, excluded numbers, pause, announcement), Apply (a new version, audited, announced to every
 * capture node by PostgreSQL NOTIFY), Cancel, and the "test call" that evaluates a hypothetical
 * call against the draft or the applied policy with policy-core's evaluator.
 */
package se.vittne.admin.policy;
