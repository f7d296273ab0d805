package dev.deploygateway.sandbox.sites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The site server of the sandboxes: where user-deployed sites are served, away from the gateway's origin. */
@ConfigMapping(prefix = "sandbox.sites")
public interface SandboxSitesConfig {

    /** Port of the site server; must differ from the gateway's, which makes it another origin. */
    @WithDefault("8081")
    int port();

    /** Interface the site server binds to. */
    @WithDefault("localhost")
    String host();

    /**
     * Sent with every site response. {@code sandbox} without {@code allow-same-origin} gives each page an opaque
     * origin (no cookies, storage or same-origin reads, not even of other sites on this port), {@code connect-src
     * 'self'} keeps its scripts from talking to anything but its own files, {@code frame-ancestors 'none'} stops
     * framing (clickjacking of a user's site).
     */
    @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; sandbox allow-scripts allow-forms allow-popups")
    String contentSecurityPolicy();
}
