/** Deletion requests: recordings chosen for erasure, carried out by the deletion job. */
package se.vittne.storage.deletion;
