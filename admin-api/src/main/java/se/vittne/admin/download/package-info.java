/**
 * Downloading recordings, for logins with the "may download" flag: one WAV file under a name
 * that says what it is (date and time, user recorded, other party's number, number dialled), or
 * several at once in a ZIP file that is written to the client while it is built.
 */
package se.vittne.admin.download;
