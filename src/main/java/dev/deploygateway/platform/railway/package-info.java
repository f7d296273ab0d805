/**
 * Railway behind the platform SPI: GraphQL documents in {@code resources/railway/graphql} (validated against
 * Railway's schema in tests), the {@code /up} gzip tarball upload, build logs and status over the
 * {@code graphql-transport-ws} websocket with reconnect and de-duplication, "Login with Railway" OAuth with rotating
 * refresh tokens, Postgres through the {@code postgres} template, and the one status mapping table
 * ({@link dev.deploygateway.platform.railway.RailwayStates}). See docs/railway.md.
 */
package dev.deploygateway.platform.railway;
