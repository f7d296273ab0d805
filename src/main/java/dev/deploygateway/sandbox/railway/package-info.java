/**
 * A local simulator of Railway's public API (the shapes of {@code contracts/railway/schema.json}) served by the app
 * under {@code /sandbox/railway/…}: the GraphQL endpoint {@code /graphql/v2} (root fields matched by name, responses
 * cut to the selection, Railway's error envelope), the {@code graphql-transport-ws} websocket on the same path for
 * {@code buildLogs} and {@code deployment} subscriptions, the {@code /up} tarball endpoint, "Login with Railway"
 * OAuth with rotating refresh tokens, the {@code postgres} template, a timer-driven deployment state machine with
 * generated build logs and scenario marker files, and a static server for live deployments. It is "the outside
 * world": it imports nothing of the gateway and is reached over HTTP only. State is in memory and bounded. See
 * docs/railway.md for endpoints and switches.
 */
package dev.deploygateway.sandbox.railway;
