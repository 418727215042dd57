/**
 * The recordings pages (R-50 … R-55): the list with the filter panel, and the player with its tabs
 * for call notes, evaluation, e-mail and history.
 */
package se.vittne.admin.web.recordings;
