package dev.deploygateway.api;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.deploygateway.api.problem.Problems;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.error.ErrorCode;

/**
 * Without demo features (every profile but dev, test and demo, see {@link RuntimeProfile}) the demo sign-in and
 * the sandbox platforms do not exist: every request under their paths gets the same 404 as an unknown route,
 * before routing, authentication or any resource code runs. The sandbox's raw Vert.x routes are not registered
 * at all in that case (they read the same decision from configuration).
 */
public class DemoRouteGuard {

    private static final String[] DEMO_PREFIXES = { "/api/v1/dev/", "/sandbox/" };

    private final RuntimeProfile profile;

    DemoRouteGuard(RuntimeProfile profile) {
        this.profile = profile;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Map<String, Object>>> hideDemoRoutes(ContainerRequestContext request) {
        if (profile.demoFeaturesEnabled()) {
            return Optional.empty();
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        for (String prefix : DEMO_PREFIXES) {
            if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
                return Optional.of(Problems.of(ErrorCode.NOT_FOUND, "No resource at this path.", path));
            }
        }
        return Optional.empty();
    }
}
