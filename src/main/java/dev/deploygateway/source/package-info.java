/**
 * Source hosts for platforms that build only from git (Render; later Netlify or Amplify git builds): the
 * {@link dev.deploygateway.source.SourceHost} SPI and, in {@code source.github}, GitHub: a repository in the user's
 * account or a chosen organisation (private by default, an existing one of the user's reused), the project pushed
 * as one commit through the Git Data API with blob ids computed locally ({@link dev.deploygateway.source.GitObjects})
 * so only blobs the repository lacks are sent, fast-forward-only ref updates, and GitHub's rate limits honoured.
 * Depends on {@code scaffold}, {@code config} and the platform room's shared helpers (credentials, OAuth SPI, call
 * policy, error taxonomy); the pipeline and the connection room use it, nothing here calls them.
 */
package dev.deploygateway.source;
