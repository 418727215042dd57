/**
 * The {@code vittne} launcher: one command with a sub-command per process ({@code demo}, {@code
 * capture}, {@code admin}, {@code migrate}, {@code loadgen}).
 */
package se.vittne.deploy;
