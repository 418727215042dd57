/**
 * The web app (issue 9): server-rendered pages (jte templates, htmx, Pico CSS) for every screen of
 * the user guide, in Swedish and English. Pages register through the same {@link
 * se.vittne.admin.server.Routes} as the JSON API, with the same permissions, and call the same
 * services; this package holds what every page shares: the messages, the language of a request, the
 * page frame, rendering, and the HTML answers to problems.
 */
package se.vittne.admin.web;
