package dev.deploygateway.store;

/** Which backend serves the shared store. */
public enum StoreKind {
    /** Redis: shared by every instance. */
    REDIS,
    /** Process memory: one instance only, nothing survives a restart. */
    MEMORY
}
