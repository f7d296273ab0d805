/**
 * The gateway's error vocabulary: a stable {@link dev.deploygateway.error.ErrorCode} per failure a client can
 * see, and {@link dev.deploygateway.error.GatewayException}, the one base type feature packages throw. The
 * {@code api} package renders it as RFC 9457 {@code application/problem+json}; features never build HTTP
 * responses themselves.
 */
package dev.deploygateway.error;
