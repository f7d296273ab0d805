package dev.deploygateway.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds every configuration problem at once, so an operator fixes them in one round instead of one restart per
 * mistake. Each problem names the environment variable and says how to fix it; values are never echoed, since
 * a mistyped key is still a secret.
 */
public final class ConfigProblems {

    private static final Pattern KEY = Pattern.compile("[0-9a-fA-F]{64}");
    static final String KEY_HOWTO = "generate one with: openssl rand -hex 32";
    private static final String OUTSIDE_DEMO = "in prod and every profile other than dev, test and demo";

    private ConfigProblems() {
    }

    /**
     * The owner renews a lease well before it lapses: at most a third of the TTL apart, so two renewals can fail
     * (a slow Redis, a GC pause) before another instance takes the deployment over.
     */
    private static void checkLease(DeploymentConfig deployment, List<String> problems) {
        long ttl = deployment.leaseTtl().toMillis();
        long renew = deployment.leaseRenewInterval().toMillis();
        if (renew <= 0 || ttl <= 0) {
            problems.add("GATEWAY_DEPLOYMENT_LEASE_TTL and GATEWAY_DEPLOYMENT_LEASE_RENEW_INTERVAL must be positive.");
        } else if (renew * 3 > ttl) {
            problems.add("GATEWAY_DEPLOYMENT_LEASE_RENEW_INTERVAL must be at most a third of "
                    + "GATEWAY_DEPLOYMENT_LEASE_TTL (e.g. TTL 15s with renewal every 5s), so a missed renewal does not "
                    + "hand a running deployment to another instance.");
        }
    }

    /**
     * All problems in the given configuration; empty when it can start. {@code keysRequired} is true whenever
     * demo features are off (every profile but dev, test and demo): then nothing may be ephemeral.
     */
    public static List<String> find(boolean keysRequired, TokenEncryptionConfig tokens, OAuthClientsConfig oauth,
            RateLimitConfig rateLimit, DeploymentConfig deployment, Optional<String> jwtPublicKeyLocation) {
        List<String> problems = new ArrayList<>();
        checkTokenKeys(keysRequired, tokens, problems);
        checkCallback("VERCEL_CALLBACK_URL", oauth.vercel().callbackUrl(), problems);
        checkCallback("RAILWAY_CALLBACK_URL", oauth.railway().callbackUrl(), problems);
        checkCallback("RENDER_CALLBACK_URL", oauth.render().callbackUrl(), problems);
        checkCallback("GITHUB_CALLBACK_URL", oauth.github().callbackUrl(), problems);
        checkClientPair(keysRequired, "VERCEL", oauth.vercel(), true, problems);
        // Railway also registers "Native" apps: a public client (PKCE, no secret), so a secret is optional there.
        checkClientPair(keysRequired, "RAILWAY", oauth.railway(), false, problems);
        // A GitHub App's token endpoint always wants the client secret.
        checkClientPair(keysRequired, "GITHUB", oauth.github(), true, problems);
        if (rateLimit.maxPerWindow() < 1) {
            problems.add("MAX_DEPLOYMENTS_PER_HOUR must be a whole number of at least 1.");
        }
        if (rateLimit.window().isNegative() || rateLimit.window().isZero()) {
            problems.add("RATE_LIMIT_WINDOW must be a positive duration such as 1h.");
        }
        if (deployment.timeoutMs() < 1000) {
            problems.add("DEPLOYMENT_TIMEOUT_MS must be at least 1000 (milliseconds; default 300000).");
        }
        checkLease(deployment, problems);
        if (keysRequired && jwtPublicKeyLocation.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("JWT_PUBLIC_KEY_LOCATION is required " + OUTSIDE_DEMO + ": the PEM public key or JWKS URL of "
                    + "the identity provider that signs callers' tokens (also set JWT_ISSUER and JWT_AUDIENCE).");
        }
        return problems;
    }

    private static void checkTokenKeys(boolean keysRequired, TokenEncryptionConfig tokens, List<String> problems) {
        Optional<String> key = tokens.key().filter(s -> !s.isBlank());
        if (key.isEmpty()) {
            if (keysRequired) {
                problems.add("TOKEN_ENCRYPTION_KEY is required " + OUTSIDE_DEMO + ": 64 hex characters (32 bytes); "
                        + KEY_HOWTO + ".");
            }
        } else if (!KEY.matcher(key.get()).matches()) {
            problems.add("TOKEN_ENCRYPTION_KEY must be exactly 64 hex characters (32 bytes); it has "
                    + key.get().length() + " characters"
                    + (key.get().matches("[0-9a-fA-F]*") ? "" : " and non-hex ones")
                    + "; " + KEY_HOWTO + ".");
        }
        List<String> previous = tokens.previousKeys().orElse(List.of());
        for (int i = 0; i < previous.size(); i++) {
            if (!KEY.matcher(previous.get(i).trim()).matches()) {
                problems.add("TOKEN_ENCRYPTION_PREVIOUS_KEYS entry " + (i + 1)
                        + " must be exactly 64 hex characters (a former TOKEN_ENCRYPTION_KEY).");
            }
        }
    }

    private static void checkCallback(String variable, Optional<URI> url, List<String> problems) {
        url.ifPresent(u -> {
            String host = u.getHost() == null ? "" : u.getHost();
            boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!"https".equals(u.getScheme()) && !(local && "http".equals(u.getScheme()))) {
                problems.add(variable + " must be an absolute https URL (http is allowed only for localhost).");
            }
        });
    }

    private static void checkClientPair(boolean keysRequired, String platform, OAuthClientsConfig.OAuthClient client,
            boolean secretRequired, List<String> problems) {
        boolean id = client.clientId().filter(s -> !s.isBlank()).isPresent();
        boolean secret = client.clientSecret().filter(s -> !s.isBlank()).isPresent();
        if (secretRequired && id != secret) {
            problems.add(platform + "_CLIENT_ID and " + platform + "_CLIENT_SECRET must be set together.");
        } else if (secret && !id) {
            problems.add(platform + "_CLIENT_SECRET is set without " + platform + "_CLIENT_ID.");
        }
        // With demo features the callback defaults to this service's own origin; otherwise it must be the exact
        // URI registered with the platform.
        if (keysRequired && id && client.callbackUrl().isEmpty()) {
            problems.add(platform + "_CALLBACK_URL is required when " + platform + "_CLIENT_ID is set.");
        }
    }
}
