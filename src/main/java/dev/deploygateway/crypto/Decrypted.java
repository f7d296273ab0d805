package dev.deploygateway.crypto;

/**
 * A decrypted token.
 *
 * @param plaintext   the token
 * @param needsRewrap true when the stored value is in the legacy seed format or was written under a previous
 *                    key: the caller should store {@link TokenCipher#rewrap} output in its place
 */
public record Decrypted(String plaintext, boolean needsRewrap) {

    /** Never prints the token: records' generated toString would. */
    @Override
    public String toString() {
        return "Decrypted[plaintext=<redacted>, needsRewrap=" + needsRewrap + "]";
    }
}
