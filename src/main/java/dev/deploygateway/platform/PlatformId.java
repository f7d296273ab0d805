package dev.deploygateway.platform;

import java.util.Locale;

/**
 * The hosting platforms the gateway knows, and the source hosts git-only platforms build from ({@code GITHUB}); the
 * lowercase name is used in URLs and config keys.
 */
public enum PlatformId {
    VERCEL, RAILWAY, RENDER, NETLIFY, FLY, GITHUB;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
