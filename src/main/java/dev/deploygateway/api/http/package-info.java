/**
 * Guards below JAX-RS, on the Vert.x router: they run before Quarkus's own CORS filter and body handling, so that
 * refusals made there (oversized or chunked-oversized bodies, over-long URIs, disallowed origins) are
 * problem+json with a stable {@code code} like every other error, and they add the security headers to every
 * response the router writes. What Vert.x's HTTP codec refuses before any handler runs (malformed request lines
 * and header values) cannot be reached from here; README "Limitations" says so.
 */
package dev.deploygateway.api.http;
