/**
 * Platform connections: which platform accounts a user has linked, and the tokens that act for them.
 *
 * <p>Owns the connection records in the shared store (one JSON value per user and platform under the user's
 * {@code {user:<id>}} hash tag; tokens only as {@code TokenCipher} ciphertext bound to user, platform and field),
 * the OAuth handshake (single-use {@code state} bound to the caller, PKCE S256, a distinct redirect URI per
 * platform, allow-listed {@code returnTo}), connecting with a pasted token, disconnecting, and
 * {@link dev.deploygateway.connection.PlatformCredentials}: decrypted credentials for the deployment pipeline,
 * refreshed single-flight across instances. Nothing here ever returns or logs a token or its ciphertext.
 */
package dev.deploygateway.connection;
