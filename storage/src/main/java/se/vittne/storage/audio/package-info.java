/**
 * Where recordings' audio lives: one {@link se.vittne.storage.audio.AudioStore} interface with a
 * filesystem implementation (atomic rename into place) and an S3-compatible one (multipart for
 * large files). Both compute the SHA-256 while writing and never show a half-written object.
 */
package se.vittne.storage.audio;
