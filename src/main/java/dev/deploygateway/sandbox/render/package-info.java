/**
 * A simulator of Render's public API v1, served by the app itself under {@code /sandbox/render/**} outside prod:
 * workspaces and API keys, services built from GitHub repositories that it reads from the GitHub sandbox over HTTP
 * (with its own installation token, or without it when the "no repository access" switch is on), env vars, deploys
 * with a build state machine and build logs (REST and the log-subscription websocket), Postgres, Render's error
 * bodies and per-endpoint rate limits; deployed static sites are served by the sandbox sites origin. Part of "the
 * outside world": it imports nothing of the gateway.
 */
package dev.deploygateway.sandbox.render;
