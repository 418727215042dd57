/**
 * E-mail: the {@link se.vittne.admin.mail.Mailer} that delivers over SMTP off the request thread,
 * and the message templates in Swedish and English, chosen by the recipient login's language.
 */
package se.vittne.admin.mail;
