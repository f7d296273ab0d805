/**
 * Encryption of platform tokens at rest: {@link dev.deploygateway.crypto.TokenCipher} (AES-256-GCM with a
 * versioned, key-id-prefixed ciphertext whose associated data binds it to its owner, platform and field), the
 * {@link dev.deploygateway.crypto.KeyRing} (current key plus retired keys kept for decryption), and reading of
 * the seed's legacy {@code iv:authTag:ciphertext} format so stored values can be rewrapped.
 *
 * <p>Everything except {@code KeyRingConfiguration} is plain Java (no Quarkus types), so the JMH benchmark in
 * {@code bench/jmh} compiles these sources directly. The operator-facing format description is
 * {@code docs/token-encryption.md}.
 */
package dev.deploygateway.crypto;
