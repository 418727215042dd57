/**
 * The HTTP server: Javalin on virtual threads, the route registry every feature registers into
 * (method, path, the permission it needs, its handler and its OpenAPI description), the guard that
 * authenticates and authorises every guarded route the same way, request-size limits, security
 * headers, and the single mapping of typed HTTP outcomes ({@link
 * se.vittne.admin.server.ProblemException}) to {@code application/problem+json}.
 */
package se.vittne.admin.server;
