/**
 * A simulator of the parts of GitHub a source host needs, served by the app itself under {@code /sandbox/github/**}
 * outside prod: the REST subset of {@code contracts/github/openapi-subset.json} (the authenticated user, repositories
 * in a user's account or an organisation, the Git Data API with objects stored under their real git ids and refs
 * addressable as {@code heads/main} or {@code heads%2Fmain}), primary and secondary rate limits with a scenario
 * switch, and a GitHub App's user authorization (PKCE S256, expiring access tokens, rotating refresh tokens). Part of
 * "the outside world": it imports nothing of the gateway and is reached over HTTP only.
 */
package dev.deploygateway.sandbox.github;
