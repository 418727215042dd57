/**
 * Share links: a link that plays one recording without a login for a limited time. The token
 * is random (256 bits) and stored hashed; links can be revoked.
 */
package se.vittne.storage.sharing;
