/**
 * The OpenAPI 3 document of every registered route, built in code from the route registry
 * (swagger-core's model and schema resolver) and served at {@code /api/v1/openapi.json}, with
 * Swagger UI at {@code /api/docs}.
 */
package se.vittne.admin.openapi;
