/**
 * Configuration: one {@code @ConfigMapping} per concern, mapping the seed's environment variables
 * ({@code TOKEN_ENCRYPTION_KEY}, {@code REDIS_URL}, {@code MAX_DEPLOYMENTS_PER_HOUR}, ...), plus the
 * startup validation that lists every problem in one message and refuses to start.
 * This package depends on nothing else in the gateway.
 */
package dev.deploygateway.config;
