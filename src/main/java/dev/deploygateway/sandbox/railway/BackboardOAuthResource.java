package dev.deploygateway.sandbox.railway;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * "Login with Railway" (OAuth 2.0 + OIDC): an authorize page that auto-approves (for the demo; {@code login_hint}
 * picks the sandbox user), the token endpoint (authorization code with PKCE S256, refresh with rotation: reusing a
 * rotated refresh token revokes the whole grant), userinfo, revocation and the discovery document. Refresh tokens
 * are issued only for {@code offline_access} requested with {@code prompt=consent}, as Railway documents. Any
 * client id is accepted; a code is bound to its client id, redirect URI and challenge.
 */
@Path("/sandbox/railway/oauth")
public class BackboardOAuthResource {

    private final BackboardAccounts accounts;

    BackboardOAuthResource(BackboardAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("/auth")
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("response_type") String responseType, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method, @QueryParam("prompt") String prompt,
            @QueryParam("login_hint") String loginHint, @Context UriInfo uri) {
        if (clientId == null || redirectUri == null || !redirectUri.matches("https?://.+")) {
            throw BackboardError.oauth(400, "invalid_request", "client_id and an absolute redirect_uri are required");
        }
        List<String> scopes = scope == null ? List.of() : Arrays.asList(scope.trim().split("\\s+"));
        var params = new LinkedHashMap<String, String>();
        if (!"code".equals(responseType)) {
            params.put("error", "unsupported_response_type");
        } else if (!scopes.contains("openid")) {
            params.put("error", "invalid_scope");
            params.put("error_description", "openid scope is required");
        } else if (challenge != null && !"S256".equals(method)) {
            params.put("error", "invalid_request");
            params.put("error_description", "only code_challenge_method=S256 is supported");
        } else {
            var user = accounts.user(loginHint == null || loginHint.isBlank() ? "demo" : loginHint);
            boolean offline = scopes.contains("offline_access") && "consent".equals(prompt);
            params.put("code", accounts.issueCode(user, clientId, redirectUri, challenge, String.join(" ", scopes),
                    offline));
        }
        if (state != null) {
            params.put("state", state);
        }
        params.put("iss", issuer(uri));
        return Response.status(Response.Status.FOUND)
                .location(URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query(params))).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String basic,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String verifier,
            @FormParam("refresh_token") String refreshToken, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String secret, @Context UriInfo uri) {
        String clientId = basicClientId(basic).orElse(formClientId);
        if (clientId == null || clientId.isBlank()) {
            throw BackboardError.oauth(401, "invalid_client", "client authentication failed");
        }
        if ("authorization_code".equals(grantType)) {
            var issued = accounts.redeemCode(code).filter(c -> c.clientId().equals(clientId)
                    && c.redirectUri().equals(redirectUri))
                    .orElseThrow(() -> BackboardError.oauth(400, "invalid_grant", "grant request is invalid"));
            pkce(issued.challenge(), verifier, basic != null || (secret != null && !secret.isBlank()));
            var tokens = accounts.issue(issued.userId(), issued.scope(), BackboardIds.uuid(), clientId,
                    issued.offline());
            return response(tokens, issued.scope(), issued.userId(), clientId, uri);
        }
        if ("refresh_token".equals(grantType)) {
            var refresh = accounts.rotate(refreshToken).filter(r -> r.clientId().equals(clientId))
                    .orElseThrow(() -> BackboardError.oauth(400, "invalid_grant", "grant request is invalid"));
            var tokens = accounts.issue(refresh.userId(), refresh.scope(), refresh.grantId(), clientId, true);
            return response(tokens, refresh.scope(), refresh.userId(), clientId, uri);
        }
        throw BackboardError.oauth(400, "unsupported_grant_type", "unsupported grant_type");
    }

    /**
     * PKCE as RFC 9700 §2.1.1 requires of an authorization server: a challenge must be answered by its verifier; a
     * verifier for a code issued without a challenge is a downgrade (the challenge was stripped on the way) and is
     * refused; and a code without a challenge is redeemable only by an authenticated (Web) client, since Railway's
     * Native apps must use PKCE.
     */
    private static void pkce(String challenge, String verifier, boolean authenticatedClient) {
        if (challenge == null && verifier != null) {
            throw BackboardError.oauth(400, "invalid_grant", "code_verifier sent for a code issued without "
                    + "code_challenge");
        }
        if (challenge == null ? !authenticatedClient : verifier == null || !challenge.equals(s256(verifier))) {
            throw BackboardError.oauth(400, "invalid_grant", "PKCE verification failed");
        }
    }

    /** RFC 7009: always 200, also for unknown tokens; an OAuth token takes its whole grant with it. */
    @POST
    @Path("/token/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("token") String token) {
        if (token != null) {
            accounts.revoke(token);
        }
        return Response.ok().build();
    }

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var user = BackboardCaller.bearer(authorization).flatMap(accounts::access)
                .flatMap(a -> accounts.userById(a.userId())).orElse(null);
        if (user == null) {
            return Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "invalid_token", "error_description", "invalid token provided")).build();
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("sub", user.id());
        json.put("email", user.email());
        json.put("name", user.name());
        json.put("picture", null);
        return Response.ok(json).build();
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery(@Context UriInfo uri) {
        String base = uri.getBaseUriBuilder().path("sandbox/railway").build().toString();
        var json = new LinkedHashMap<String, Object>();
        json.put("issuer", base);
        json.put("authorization_endpoint", base + "/oauth/auth");
        json.put("token_endpoint", base + "/oauth/token");
        json.put("userinfo_endpoint", base + "/oauth/me");
        json.put("revocation_endpoint", base + "/oauth/token/revocation");
        json.put("response_types_supported", List.of("code"));
        json.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        json.put("code_challenge_methods_supported", List.of("S256"));
        json.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post",
                "none"));
        json.put("scopes_supported", List.of("openid", "email", "profile", "offline_access", "workspace:viewer",
                "workspace:member", "workspace:admin", "project:viewer", "project:member"));
        json.put("prompt_values_supported", List.of("consent", "login"));
        return json;
    }

    private Map<String, Object> response(Map<String, String> tokens, String scope, String userId, String clientId,
            UriInfo uri) {
        var json = new LinkedHashMap<String, Object>();
        json.put("access_token", tokens.get("access_token"));
        json.put("expires_in", accounts.tokenLifetime().toSeconds());
        json.put("id_token", idToken(userId, clientId, uri));
        json.put("scope", scope);
        json.put("token_type", "Bearer");
        if (tokens.containsKey("refresh_token")) {
            json.put("refresh_token", tokens.get("refresh_token"));
        }
        return json;
    }

    /** An unsigned-looking stand-in for the OIDC id token: the gateway does not rely on its signature. */
    private static String idToken(String userId, String clientId, UriInfo uri) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"sub\":\"" + userId + "\",\"aud\":\"" + clientId
                + "\",\"iss\":\"" + issuer(uri) + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String issuer(UriInfo uri) {
        return uri.getBaseUriBuilder().path("sandbox/railway").build().toString();
    }

    private static Optional<String> basicClientId(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> params) {
        var out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
