/**
 * Deleting recordings and seeing the requests through: a super user names recordings, or a
 * filter of R-51, and confirms explicitly; the request (audited) is carried out within the hour by
 * storage's deletion job, which erases audio and rows and audits each erasure.
 */
package se.vittne.admin.deletion;
