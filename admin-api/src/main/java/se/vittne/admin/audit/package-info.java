/**
 * Writes the admin API's acts to storage's append-only audit log: who (login and e-mail), what (an
 * action word and its subject), when, and from which client address.
 */
package se.vittne.admin.audit;
