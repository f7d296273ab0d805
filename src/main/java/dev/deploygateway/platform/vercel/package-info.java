/**
 * Vercel behind the platform SPI: {@link dev.deploygateway.platform.vercel.VercelPlatform} wraps the
 * package-private REST client {@code VercelApi} ({@code quarkus.rest-client.vercel.url}) with timeouts, retries
 * of idempotent calls, waiting out 429s, the content-addressed upload ({@code VercelUploader}), the resumable
 * build-event feed ({@code VercelEvents}), OAuth with PKCE ({@code VercelOAuth}) and the one state table
 * ({@code VercelStates}).
 */
package dev.deploygateway.platform.vercel;
