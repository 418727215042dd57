/**
 * Recording policies per tenant (R-3x): a draft, and immutable applied versions recording who
 * applied them and when. Applying notifies every capture node through PostgreSQL LISTEN/NOTIFY.
 */
package se.vittne.storage.policy;
