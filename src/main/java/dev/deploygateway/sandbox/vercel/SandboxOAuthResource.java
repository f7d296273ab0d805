package dev.deploygateway.sandbox.vercel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The OAuth side: the "Sign in with Vercel" authorize page (auto-approves, for the demo), the PKCE token
 * endpoint with rotating refresh tokens, userinfo and revoke, and the older integration code exchange.
 * Any client id is accepted, but only the redirect URIs registered in {@code sandbox.vercel.redirect-uris}; codes are
 * bound to the client id and redirect URI they were issued for.
 */
@Path("/sandbox/vercel")
public class SandboxOAuthResource {

    private final SandboxAccounts accounts;
    private final SandboxCaller callers;
    private final SandboxVercelConfig config;

    SandboxOAuthResource(SandboxAccounts accounts, SandboxCaller callers, SandboxVercelConfig config) {
        this.accounts = accounts;
        this.callers = callers;
        this.config = config;
    }

    /** Stands in for {@code https://vercel.com/oauth/authorize}; {@code login_hint} picks the sandbox user. */
    @GET
    @Path("/oauth/authorize")
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("response_type") String responseType, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method, @QueryParam("login_hint") String loginHint) {
        if (clientId == null || redirectUri == null || !config.redirectUris().contains(redirectUri)) {
            // RFC 6749 §4.1.2.1: never redirect to an unregistered URI (that would be an open redirector).
            throw SandboxError.oauth(400, "invalid_request", "redirect_uri is not registered for this client");
        }
        var params = new LinkedHashMap<String, String>();
        if (!"code".equals(responseType)) {
            params.put("error", "unsupported_response_type");
        } else if (challenge == null || !"S256".equals(method)) {
            params.put("error", "invalid_request");
            params.put("error_description", "code_challenge with code_challenge_method=S256 is required");
        } else {
            var user = accounts.user(loginHint == null || loginHint.isBlank() ? "demo" : loginHint);
            params.put("code", accounts.issueCode(user, clientId, redirectUri, Optional.of(challenge),
                    scope == null ? "" : scope));
        }
        if (state != null) {
            params.put("state", state);
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query(params)))
                .build();
    }

    @POST
    @Path("/login/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String basic,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String verifier,
            @FormParam("refresh_token") String refreshToken, @FormParam("client_id") String formClientId) {
        String clientId = basicClientId(basic).orElse(formClientId);
        if ("authorization_code".equals(grantType)) {
            var grant = accounts.redeemCode(code == null ? "" : code)
                    .orElseThrow(() -> SandboxError.oauth(400, "invalid_grant", "Unknown, used or expired code"));
            if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(redirectUri)) {
                throw SandboxError.oauth(400, "invalid_grant", "client_id or redirect_uri does not match the code");
            }
            if (grant.challenge().isEmpty() || verifier == null
                    || !grant.challenge().get().equals(s256(verifier))) {
                throw SandboxError.oauth(400, "invalid_grant", "PKCE verification failed");
            }
            return tokens(grant.userId(), grant.scope(), SandboxIds.lower(12));
        }
        if ("refresh_token".equals(grantType)) {
            var grant = accounts.rotateRefresh(refreshToken == null ? "" : refreshToken)
                    .orElseThrow(() -> SandboxError.oauth(400, "invalid_grant", "Unknown or reused refresh token"));
            return tokens(grant.userId(), grant.scope(), grant.family());
        }
        throw SandboxError.oauth(400, "unsupported_grant_type", "Unsupported grant_type");
    }

    @POST
    @Path("/login/oauth/token/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("token") String token) {
        if (token != null) {
            accounts.revoke(token);
        }
        return Response.ok().build();
    }

    @GET
    @Path("/login/oauth/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> userinfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        var user = callers.resolve(auth, null).user();
        return Map.of("sub", user.id(), "email", user.email(), "email_verified", true, "name", user.username(),
                "preferred_username", user.username());
    }

    /** The integration flow: {@code code} from the install redirect → long-lived token, no refresh. */
    @POST
    @Path("/v2/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> integrationToken(@FormParam("client_id") String clientId,
            @FormParam("client_secret") String secret, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri) {
        var grant = accounts.redeemCode(code == null ? "" : code)
                .filter(g -> g.clientId().equals(clientId) && g.redirectUri().equals(redirectUri))
                .orElseThrow(() -> SandboxError.oauth(400, "invalid_grant", "Unknown, used or mismatched code"));
        var tokens = accounts.issueTokens(grant.userId(), grant.scope(), SandboxIds.lower(12), false,
                Optional.empty());
        var json = new LinkedHashMap<String, Object>();
        json.put("token_type", "Bearer");
        json.put("access_token", tokens.get("access_token"));
        json.put("installation_id", SandboxIds.id("icfg_"));
        json.put("user_id", grant.userId());
        json.put("team_id", null);
        return json;
    }

    private Map<String, Object> tokens(String userId, String scope, String family) {
        boolean offline = List.of(scope.split(" ")).contains("offline_access");
        var issued = accounts.issueTokens(userId, scope, family, offline, Optional.empty());
        var json = new LinkedHashMap<String, Object>();
        json.put("access_token", issued.get("access_token"));
        json.put("token_type", "Bearer");
        json.put("expires_in", accounts.tokenLifetime().toSeconds());
        json.put("scope", scope);
        if (issued.containsKey("refresh_token")) {
            json.put("refresh_token", issued.get("refresh_token"));
        }
        return json;
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> basicClientId(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return Optional.of(decoded.split(":", 2)[0]);
    }

    private static String query(Map<String, String> params) {
        var sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
