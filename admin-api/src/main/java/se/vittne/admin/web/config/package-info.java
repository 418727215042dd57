/**
 * The configuration pages of super users: policy rules with the test call (R-3x), logins,
 * evaluation set-up, directory import and deleting recordings.
 */
package se.vittne.admin.web.config;
