/**
 * A local simulator of Vercel's public REST API (the shapes of {@code contracts/vercel/openapi.json}) served by
 * the app under {@code /sandbox/vercel/…}: accounts and teams, projects, content-addressed file upload,
 * deployments with a timer-driven build state machine and generated build logs, the events feed (JSON array or
 * live NDJSON), env vars, promote/rollback, OAuth (authorize page, PKCE token endpoint, integration exchange),
 * rate-limit headers, injectable faults and scenario marker files, and a static server for READY deployments.
 * It is "the outside world": it imports nothing of the gateway and is reached over HTTP only. State is in
 * memory and bounded. See docs/platforms.md for endpoints and switches.
 */
package dev.deploygateway.sandbox.vercel;
