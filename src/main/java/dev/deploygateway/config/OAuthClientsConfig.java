package dev.deploygateway.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * OAuth client registrations per platform, mapped from the seed's {@code VERCEL_CLIENT_ID},
 * {@code RAILWAY_CLIENT_SECRET}, {@code RENDER_CALLBACK_URL}, ... (see application.properties).
 * A platform without a client id runs against its built-in sandbox outside prod.
 */
@ConfigMapping(prefix = "gateway.oauth")
public interface OAuthClientsConfig {

    /** Vercel integration client ({@code VERCEL_CLIENT_ID/SECRET/CALLBACK_URL}). */
    OAuthClient vercel();

    /** Railway OAuth app ({@code RAILWAY_CLIENT_ID/SECRET/CALLBACK_URL}). */
    OAuthClient railway();

    /**
     * Render ({@code RENDER_CLIENT_ID/SECRET/CALLBACK_URL}). Render offers no third-party OAuth: users
     * connect by pasting an API key. The variables are kept for parity with the seed and are unused.
     */
    OAuthClient render();

    /**
     * The GitHub App whose user-to-server tokens push projects for git-only platforms
     * ({@code GITHUB_CLIENT_ID/SECRET/CALLBACK_URL}).
     */
    OAuthClient github();

    /** One OAuth client registration. */
    interface OAuthClient {
        /** The client id issued by the platform. */
        Optional<String> clientId();

        /** The client secret issued by the platform. Never logged. */
        Optional<String> clientSecret();

        /** The exact redirect URI registered with the platform; https except for localhost. */
        Optional<URI> callbackUrl();
    }
}
