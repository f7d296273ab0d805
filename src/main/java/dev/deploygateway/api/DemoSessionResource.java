package dev.deploygateway.api;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.config.IdentityConfig;
import dev.deploygateway.identity.DemoSessionIssuer;
import dev.deploygateway.identity.DemoSessionIssuer.DemoSession;

/**
 * Demo sign-in, outside the prod profile only ({@link DemoRouteGuard} hides it in prod): trades a username for a
 * short-lived signed session in an HttpOnly cookie. There is no password; it exists so that a newcomer can try
 * the gateway against the sandbox platforms without any account.
 */
@Path("/api/v1/dev/session")
public class DemoSessionResource {

    private final DemoSessionIssuer issuer;
    private final IdentityConfig config;

    DemoSessionResource(DemoSessionIssuer issuer, IdentityConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo sign-in (not in prod)", description = "Sets the HttpOnly session cookie.")
    public RestResponse<SessionView> signIn(@Valid @NotNull SignIn request) {
        DemoSession session = issuer.issue(request.username().toLowerCase());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED,
                new SessionView(session.userId(), session.expiresAt()))
                .cookie(cookie(session.token(), (int) session.ttl().toSeconds()))
                .build();
    }

    @DELETE
    @Operation(summary = "Sign out of the demo session", description = "Clears the session cookie.")
    public RestResponse<Void> signOut() {
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(config.cookieName())
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.cookieSecure())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }

    /** The sign-in form: a username of letters, digits, dot, dash or underscore. */
    public record SignIn(@NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username) {
    }

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,38}";
    static final String USERNAME_RULE = "must be 1-39 letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";

    /** What the client learns about its new session: never the token itself. */
    public record SessionView(String userId, Instant expiresAt) {
    }
}
