/** What supervisors note on a recording: call result, customer response, flag and tag. */
package se.vittne.storage.notes;
