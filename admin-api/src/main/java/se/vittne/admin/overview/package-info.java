/**
 * The start pages' numbers: calls per period, direction and day, recorded or not, within the
 * login's scope: the whole tenant for super users, the chosen departments for restricted users, and
 * one's own extension (calls made and received) for My Console users.
 */
package se.vittne.admin.overview;
