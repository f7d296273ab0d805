package dev.deploygateway.store;

/** One member of a sorted set with its score. */
public record ScoredMember(String member, double score) {
}
