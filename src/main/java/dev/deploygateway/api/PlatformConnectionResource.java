package dev.deploygateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.deploygateway.connection.Connectable;
import dev.deploygateway.connection.Connection;
import dev.deploygateway.connection.ConnectionState;
import dev.deploygateway.connection.Connections;
import dev.deploygateway.connection.ProjectNames;
import dev.deploygateway.identity.CurrentCaller;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Platforms and the caller's connections to them (docs/api.md, docs/connections.md). Every route acts on the
 * caller's own connection only; no response ever contains a token or its ciphertext.
 */
// Resolves the identity before the method runs, so CurrentCaller does not block the event loop (lazy auth).
@Authenticated
@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformConnectionResource {

    private final CurrentCaller caller;
    private final Connections connections;

    PlatformConnectionResource(CurrentCaller caller, Connections connections) {
        this.caller = caller;
        this.connections = connections;
    }

    @GET
    @Operation(summary = "Platforms, their capabilities and the caller's connection to each")
    public Uni<List<PlatformView>> list() {
        return connections.list(caller.get().userId())
                .map(all -> all.stream().map(s -> PlatformView.of(s.platform(), s.sourceHosts(), s.connection()))
                        .toList());
    }

    @GET
    @Path("/{platform}/connection")
    @Operation(summary = "The caller's connection to one platform (404 when there is none)")
    public Uni<ConnectionView> connection(@PathParam("platform") String platform) {
        return connections.get(caller.get().userId(), platform).map(ConnectionView::of);
    }

    @GET
    @Path("/{platform}/connect")
    @Operation(summary = "Starts connecting with OAuth: 302 to the platform's authorize page")
    public Uni<Response> connect(@PathParam("platform") String platform, @QueryParam("returnTo") String returnTo,
            UriInfo uri) {
        return connections.startOAuth(caller.get().userId(), platform, returnTo, uri.getBaseUri())
                .map(location -> Response.status(Response.Status.FOUND).location(location)
                        .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/{platform}/callback")
    @Operation(summary = "The platform's OAuth redirect: exchanges the code, then 302 to returnTo")
    public Uni<Response> callback(@PathParam("platform") String platform, @QueryParam("code") String code,
            @QueryParam("state") String state, @QueryParam("error") String error) {
        return connections.completeOAuth(caller.get().userId(), platform, code, state, error)
                .map(location -> Response.status(Response.Status.FOUND).location(location)
                        .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build());
    }

    /** Body of {@code PUT /connection}: a pasted API token and, optionally, the team to act in. */
    public record TokenConnect(String token, String teamId) {
        @Override
        public String toString() {
            return "TokenConnect[token=***, teamId=" + teamId + "]";
        }
    }

    @PUT
    @Path("/{platform}/connection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connects with a pasted API token (verified with the platform first)")
    public Uni<ConnectionView> connectWithToken(@PathParam("platform") String platform, TokenConnect body) {
        String userId = caller.get().userId();
        // Checked here, before the platform is asked: a malformed token is the caller's mistake, not an outage.
        PastedTokenRules.check(body);
        return connections.connectWithToken(userId, platform, body.token(), body.teamId()).map(ConnectionView::of);
    }

    @DELETE
    @Path("/{platform}/connection")
    @Operation(summary = "Disconnects: revokes upstream where supported, then deletes")
    public Uni<Response> disconnect(@PathParam("platform") String platform) {
        return connections.disconnect(caller.get().userId(), platform).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{platform}/names/{name}")
    @Operation(summary = "Whether a project name is free, with checked suggestions when it is not")
    public Uni<ProjectNames.Verdict> name(@PathParam("platform") String platform, @PathParam("name") String name,
            @QueryParam("teamId") String teamId) {
        return connections.checkName(caller.get().userId(), platform, name, teamId);
    }

    /**
     * One entry of {@code GET /platforms}: a deployment platform ({@code kind: "platform"}) or a source host that
     * git-only platforms build from ({@code kind: "sourceHost"}, GitHub); {@code sourceHosts} names, for a platform
     * with {@code gitSource}, the hosts it builds from (connect one of them as well).
     */
    public record PlatformView(String id, String name, String kind, Map<String, Boolean> capabilities,
            List<String> sourceHosts, ConnectionView connection) {

        static PlatformView of(Connectable platform, List<PlatformId> sourceHosts, Optional<Connection> connection) {
            var caps = new LinkedHashMap<String, Boolean>();
            caps.put("oauth", platform.oauth().isPresent());
            for (Capability capability : Capability.values()) {
                caps.put(capability.key(), platform.capabilities().has(capability));
            }
            return new PlatformView(platform.id().key(), platform.displayName(), platform.kind().key(), caps,
                    sourceHosts.stream().map(PlatformId::key).toList(),
                    connection.map(ConnectionView::of).orElse(ConnectionView.NOT_CONNECTED));
        }
    }

    /** The caller's connection, without any token. */
    public record ConnectionView(String state, Account account, List<PlatformAccount.Team> teams, String teamId,
            String method, String connectedAt) {

        static final ConnectionView NOT_CONNECTED = new ConnectionView(ConnectionState.NOT_CONNECTED.name(), null,
                List.of(), null, null, null);

        static ConnectionView of(Connection c) {
            return new ConnectionView(c.state().name(), new Account(c.account().id(), c.account().username(),
                    c.account().name()), c.teams(), c.teamId().orElse(null), c.method().key(),
                    c.connectedAt().toString());
        }

        /** The platform account. */
        public record Account(String id, String username, String name) {
        }
    }
}
