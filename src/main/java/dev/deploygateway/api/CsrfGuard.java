package dev.deploygateway.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.deploygateway.api.http.OriginPolicy;
import dev.deploygateway.api.problem.Problems;
import dev.deploygateway.config.IdentityConfig;
import dev.deploygateway.error.ErrorCode;

/**
 * CSRF protection for cookie-authenticated writes: a state-changing request that carries the session cookie must
 * carry an {@code Origin} header naming this service or an allow-listed front end. Browsers send {@code Origin}
 * on every cross-origin request and on same-origin non-GET requests, and a page cannot forge it. The demo sign-in
 * is checked too (login CSRF) even though it carries no cookie yet.
 *
 * <p>Only a request without the session cookie is exempt, because only then can the caller be the verified bearer
 * token: SmallRye JWT reads the cookie whenever it is present ({@code mp.jwt.token.header=Cookie}) and the
 * {@code Authorization} header only when it is not. So an {@code Authorization} header next to the cookie (a
 * browser's cached {@code Basic} credentials, say) proves nothing and does not exempt the write.
 */
public class CsrfGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityConfig config;
    private final OriginPolicy origins;

    CsrfGuard(IdentityConfig config, OriginPolicy origins) {
        this.config = config;
        this.origins = origins;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Map<String, Object>>> checkOrigin(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        boolean signIn = "POST".equals(request.getMethod()) && path.equals("/api/v1/dev/session");
        boolean cookieAuth = request.getCookies().containsKey(config.cookieName());
        if (!path.startsWith("/api/") || !(cookieAuth || signIn)) {
            return Optional.empty();
        }
        String origin = request.getHeaderString("Origin");
        URI base = request.getUriInfo().getBaseUri();
        if (origin != null && origins.allows(origin.trim(), base.getScheme(), base.getRawAuthority())) {
            return Optional.empty();
        }
        return Optional.of(Problems.of(ErrorCode.CSRF_REJECTED, 403,
                "Cookie-authenticated writes need an Origin header naming this service or an allowed front end.",
                path, Map.of(), Map.of()));
    }
}
