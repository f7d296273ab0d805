/**
 * The shared store: one {@link dev.deploygateway.store.SharedStore} interface with two backends, Redis through
 * Quarkus's reactive client ({@link dev.deploygateway.store.RedisStore}) and an in-memory backend for a single
 * instance ({@link dev.deploygateway.store.MemoryStore}) that keeps the Redis semantics the gateway relies on.
 * It also owns the circuit breaker and command timeout around Redis, the store's readiness check, key naming
 * with hash tags ({@link dev.deploygateway.store.StoreKeys}) and scripts that run as Lua on Redis and as a Java
 * twin in memory ({@link dev.deploygateway.store.StoreScript}).
 */
package dev.deploygateway.store;
