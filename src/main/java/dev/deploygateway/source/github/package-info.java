/**
 * GitHub as a source host: the Quarkus REST client {@code GitHubApi} (typed records in {@code GitHubWire}, checked
 * against {@code contracts/github/openapi-subset.json}), its call policy and error mapping, repository create/reuse,
 * the one-commit push and the GitHub App OAuth flow.
 */
package dev.deploygateway.source.github;
