/**
 * The demo company that {@code vittne demo} starts with and the end-to-end tests record for: a
 * trunk from the local machine, a small directory and a policy that shows every kind of rule.
 */
package se.vittne.storage.demo;
