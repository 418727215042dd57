/**
 * The pages of logging in and one's own account (R-20 … R-24): log in with "keep me logged in",
 * forgot password and the reset link's page, change password, the licence agreement, log out and
 * the language.
 */
package se.vittne.admin.web.account;
