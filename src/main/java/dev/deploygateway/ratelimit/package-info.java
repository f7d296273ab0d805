/**
 * The per-user deployment rate limiter: an exact sliding-window log per user decided atomically by the store
 * ({@link dev.deploygateway.ratelimit.SlidingWindow}, a Lua fragment with its Java twin, embedded in the
 * deployment's creation script); refunds; the quota view; the {@code RateLimit}/{@code X-RateLimit-*} headers and
 * the 429 problem. While Redis is unreachable nothing is admitted (503), so the limit is never exceeded.
 */
package dev.deploygateway.ratelimit;
