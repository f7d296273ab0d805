package dev.deploygateway.platform;

/** The hosting platforms the gateway knows; the lowercase name is used in URLs and config keys. */
public enum PlatformId {
    VERCEL, RAILWAY, RENDER, NETLIFY, FLY;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
