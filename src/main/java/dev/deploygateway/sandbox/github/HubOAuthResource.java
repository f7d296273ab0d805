package dev.deploygateway.sandbox.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GitHub App's user authorization on github.com: the authorize page (auto-approved for the demo; {@code login}
 * picks the sandbox user) and the token endpoint (authorization code with PKCE S256, refresh with rotation), plus the
 * app's "delete grant" on the API. Like GitHub: an unregistered {@code redirect_uri} gets an error page and no
 * redirect; only S256 is accepted; token errors come back as HTTP 200 with {@code {"error",…}}; the token answer is
 * form-encoded unless the client asks for JSON. PKCE downgrades are refused both ways: a code issued with a
 * challenge needs its verifier, and a verifier for a code issued without a challenge means it was stripped.
 */
@Path("/sandbox/github")
public class HubOAuthResource {

    private static final String ERRORS = "https://docs.github.com/apps/oauth-errors";

    private final HubAccounts accounts;
    private final HubConfig config;

    HubOAuthResource(HubAccounts accounts, HubConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @GET
    @Path("/login/oauth/authorize")
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirect,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method, @QueryParam("login") String login) {
        String redirectUri = redirect == null && !config.redirectUris().isEmpty() ? config.redirectUris().get(0)
                : redirect;
        if (clientId == null || clientId.isBlank() || redirectUri == null
                || !config.redirectUris().contains(redirectUri)) {
            // GitHub shows an error page and never redirects to an unregistered URI (no open redirector).
            return Response.status(400).type(MediaType.TEXT_HTML).entity("<!doctype html><title>Redirect URI "
                    + "mismatch</title><p>The redirect_uri is not associated with this application.</p>").build();
        }
        var params = new LinkedHashMap<String, String>();
        if (challenge != null && !"S256".equals(method)) {
            params.put("error", "invalid_request");
            params.put("error_description", "code_challenge_method must be S256");
        } else {
            var user = accounts.user(login == null || login.isBlank() ? "octo-demo" : login, Set.of());
            params.put("code", accounts.issueCode(user, clientId, redirectUri, challenge));
        }
        if (state != null) {
            params.put("state", state);
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query(params))).build();
    }

    @POST
    @Path("/login/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam(HttpHeaders.ACCEPT) String accept, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String secret, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String verifier,
            @FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken) {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
            return answer(accept, error("incorrect_client_credentials",
                    "The client_id and/or client_secret passed are incorrect."));
        }
        if ("refresh_token".equals(grantType)) {
            return answer(accept, accounts.rotate(refreshToken, clientId).map(this::tokens)
                    .orElseGet(() -> error("bad_refresh_token", "The refresh token passed is incorrect or expired.")));
        }
        if (grantType != null && !"authorization_code".equals(grantType)) {
            return answer(accept, error("unsupported_grant_type", "The grant type is not supported."));
        }
        Optional<HubAccounts.Code> issued = accounts.redeem(code).filter(c -> c.clientId().equals(clientId));
        if (issued.isEmpty()) {
            return answer(accept, error("bad_verification_code", "The code passed is incorrect or expired."));
        }
        if (redirectUri != null && !redirectUri.equals(issued.get().redirectUri())) {
            return answer(accept, error("redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application."));
        }
        String challenge = issued.get().challenge();
        if (challenge == null ? verifier != null : verifier == null || !challenge.equals(s256(verifier))) {
            return answer(accept, error("bad_verification_code", challenge == null
                    ? "code_verifier was sent for a code issued without code_challenge."
                    : "The code_verifier does not match the code_challenge."));
        }
        return answer(accept, tokens(accounts.grant(issued.get().login(), clientId)));
    }

    /** The app revokes a user's grant: every token of it stops working. */
    @DELETE
    @Path("/applications/{clientId}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String basic, @PathParam("clientId") String clientId,
            JsonNode body) {
        if (basic == null || !basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(HubError.body(401, "Requires authentication")).build();
        }
        String token = body == null ? null : body.path("access_token").textValue();
        return accounts.revokeByAccessToken(token) ? Response.noContent().build()
                : Response.status(404).type(MediaType.APPLICATION_JSON).entity(HubError.body(404, "Not Found")).build();
    }

    private Map<String, Object> tokens(Map<String, String> issued) {
        var json = new LinkedHashMap<String, Object>();
        json.put("access_token", issued.get("access_token"));
        json.put("expires_in", config.tokenLifetime().toSeconds());
        json.put("refresh_token", issued.get("refresh_token"));
        json.put("refresh_token_expires_in", config.refreshTokenLifetime().toSeconds());
        json.put("scope", "");
        json.put("token_type", "bearer");
        return json;
    }

    private static Map<String, Object> error(String error, String description) {
        return Map.of("error", error, "error_description", description, "error_uri", ERRORS);
    }

    /** GitHub answers form-encoded by default and JSON when asked; errors too, with 200. */
    private static Response answer(String accept, Map<String, Object> body) {
        if (accept != null && accept.contains("json")) {
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        String form = body.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(
                e.getValue()), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Response.ok(form, MediaType.APPLICATION_FORM_URLENCODED).build();
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
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
