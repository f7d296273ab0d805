package dev.deploygateway.handoff;

import java.time.Instant;

/**
 * A project a generator's server registered for a later deployment, as its owner sees it (never its files).
 *
 * @param id the opaque handle ({@code src_} and 128 random bits), used in a hand-off link's {@code source}
 */
public record RegisteredSource(String id, int fileCount, long bytes, Instant createdAt, Instant expiresAt) {
}
