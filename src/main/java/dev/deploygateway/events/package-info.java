/**
 * Normalised deployment events ({@code status}, {@code log}, {@code progress}, {@code warning}, {@code error},
 * {@code end}) and the per-deployment event log: appended to a capped shared stream (Redis stream, or its
 * in-memory twin) by whichever instance owns the deployment, read from any instance by id, and fanned out in
 * process to any number of live subscribers by one poller per deployment per instance. Event ids are the
 * stream's ids: strictly increasing, opaque, usable as SSE {@code id:} and {@code Last-Event-ID}.
 */
package dev.deploygateway.events;
