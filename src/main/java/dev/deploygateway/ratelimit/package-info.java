/**
 * The per-user deployment rate limiter: an exact sliding-window log ("at most N admissions in any rolling
 * window") kept in one sorted set per user and decided by one atomic script ({@link
 * dev.deploygateway.ratelimit.SlidingWindowScript}); refunds; the quota view; the fail-open fallback log with
 * its replay into Redis; and the HTTP vocabulary of a limit ({@link dev.deploygateway.ratelimit.RateLimitHeaders},
 * {@link dev.deploygateway.ratelimit.RateLimitedException}). Depends on {@code store} and {@code config} only.
 */
package dev.deploygateway.ratelimit;
