package dev.deploygateway.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the {@code connection} room hands a platform to build the authorize URL: an unguessable
 * {@code state}, the PKCE S256 {@code codeChallenge} (base64url SHA-256 of the verifier it keeps), the exact
 * registered redirect URI and the scopes wanted (empty = the platform's default).
 */
public record OAuthAuthorization(String state, String codeChallenge, URI redirectUri, List<String> scopes) {

    public OAuthAuthorization {
        scopes = List.copyOf(scopes);
    }

    /**
     * The authorize URL at {@code endpoint}: the PKCE request every platform takes ({@code client_id},
     * {@code redirect_uri}, {@code state}, the S256 challenge) followed by the platform's own parameters
     * ({@code response_type}, {@code scope}, {@code prompt}…, sorted so one request always gives the same URL).
     */
    public URI authorizeUrl(String endpoint, String clientId, Map<String, String> platformParameters) {
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("state", state);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        params.putAll(new TreeMap<>(platformParameters));
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    /** Form/query encoding with {@code %20} rather than {@code +}, so a value means the same in a URL and a form. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The scopes asked for, or the platform's default ones when none were, space-separated. */
    public String scope(List<String> defaults) {
        return String.join(" ", scopes.isEmpty() ? defaults : scopes);
    }
}
