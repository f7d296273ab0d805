/**
 * The HTTP surface: REST resources and DTOs, RFC 9457 problem+json rendering of every failure a client can
 * cause, the CSRF guard for cookie-authenticated writes, and the guard that hides demo-only routes in prod.
 * Resources call feature services, never a platform client directly. Nothing imports this package.
 */
package dev.deploygateway.api;
