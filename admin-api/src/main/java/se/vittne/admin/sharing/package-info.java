/**
 * Sharing a recording by e-mail, for logins with the "may e-mail" flag: the mail holds the
 * call's facts and a link that plays that one recording in a browser, without a login, for 24
 * hours. The link's token is random (256 bits), stored hashed, revocable; every share, opening and
 * playing is in the recording's history; an expired or withdrawn link gets a clear page.
 */
package se.vittne.admin.sharing;
