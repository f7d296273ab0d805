package dev.deploygateway.platform.railway;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.*;
import dev.deploygateway.platform.PlatformCapabilities.ConnectMethod;
import dev.deploygateway.platform.PlatformCapabilities.SourceKind;
import dev.deploygateway.scaffold.SourceBundle;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Railway behind the platform SPI: GraphQL for everything but the source, which goes up as a gzip tarball, and
 * build logs over a websocket. A gateway "project" is a Railway project + environment + service
 * ({@link RailwayProjectRef}). Stateless: every call uses the credential it is given; {@code teamId} is the
 * Railway workspace.
 */
@ApplicationScoped
public class RailwayPlatform implements DeploymentPlatform {

    static final PlatformCapabilities CAPABILITIES = new PlatformCapabilities(
            Set.of(ConnectMethod.OAUTH, ConnectMethod.API_TOKEN), Set.of(SourceKind.TARBALL),
            true, true, true, true, true, true, true);

    private final RailwayGraphql graphql;
    private final RailwayProjects projects;
    private final RailwayUploader uploader;
    private final RailwayEvents events;
    private final RailwayOAuth oauth;
    private final RailwayDatabases databases;
    private final RailwayConfig config;

    RailwayPlatform(RailwayGraphql graphql, RailwayProjects projects, RailwayUploader uploader, RailwayEvents events,
            RailwayOAuth oauth, RailwayDatabases databases, RailwayConfig config) {
        this.graphql = graphql;
        this.projects = projects;
        this.uploader = uploader;
        this.events = events;
        this.oauth = oauth;
        this.databases = databases;
        this.config = config;
    }

    @Override
    public PlatformId id() {
        return PlatformId.RAILWAY;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public URI authorizationUrl(OAuthAuthorization request) {
        return oauth.authorizationUrl(request);
    }

    @Override
    public Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        return oauth.exchange(exchange);
    }

    @Override
    public Uni<PlatformTokens> refresh(String refreshToken) {
        return oauth.refresh(refreshToken);
    }

    @Override
    public Uni<Void> revoke(String token) {
        return oauth.revoke(token);
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return graphql.query(credential, PlatformStep.AUTH, "me", graphql.variables()).map(data -> {
            JsonNode me = data.path("me");
            var teams = new java.util.ArrayList<PlatformAccount.Team>();
            me.path("workspaces").forEach(w -> teams.add(new PlatformAccount.Team(w.path("id").asText(),
                    w.path("id").asText(), w.path("name").asText())));
            return new PlatformAccount(me.path("id").asText(), me.path("name").asText(me.path("email").asText()),
                    RailwayGraphql.text(me.path("email")), teams);
        });
    }

    @Override
    public Uni<NameAvailability> checkProjectName(PlatformCredential credential, String name) {
        if (!RailwayProjects.validName(name)) {
            return Uni.createFrom().item(NameAvailability.invalid(name, RailwayProjects.NAME_RULE));
        }
        return projects.workspace(credential, PlatformStep.CHECK)
                .chain(ws -> projects.find(credential, ws, name, PlatformStep.CHECK))
                .map(found -> found.isPresent() ? NameAvailability.taken(name) : NameAvailability.available(name));
    }

    @Override
    public Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec) {
        if (!RailwayProjects.validName(spec.name())) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.VALIDATION_FAILED, id(),
                    PlatformStep.CREATE, false, RailwayProjects.NAME_RULE));
        }
        return projects.ensure(credential, spec.name());
    }

    /** {@code variableCollectionUpsert} with {@code skipDeploys}: the values apply to the next upload's build. */
    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        if (variables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RailwayProjectRef ref = RailwayProjectRef.of(project);
        ObjectNode input = graphql.variables().put("projectId", ref.projectId())
                .put("environmentId", ref.environmentId()).put("serviceId", ref.serviceId())
                .put("skipDeploys", true);
        ObjectNode map = input.putObject("variables");
        variables.forEach(v -> map.put(v.key(), v.value()));
        ObjectNode vars = graphql.variables();
        vars.set("input", input);
        return graphql.mutate(credential, PlatformStep.CONFIGURE, "variableCollectionUpsert", vars)
                .replaceWithVoid();
    }

    @Override
    public PreparedSource prepareSource(SourceBundle bundle) {
        String problem = null;
        if (bundle.fileCount() == 0) {
            problem = "The project has no files";
        } else if (bundle.fileCount() > config.maxFiles()) {
            problem = "Railway uploads take at most " + config.maxFiles() + " files here; this has "
                    + bundle.fileCount();
        } else if (bundle.totalBytes() > config.maxUploadBytes()) {
            // Uncompressed size bounds the tarball from above (plus headers); a cheap conservative check.
            problem = "The upload is " + bundle.totalBytes() + " bytes; the limit is " + config.maxUploadBytes();
        }
        if (problem != null) {
            throw PlatformException.of(ErrorCode.UPLOAD_REJECTED, id(), PlatformStep.UPLOAD, false, problem);
        }
        return new PreparedSource(id(), bundle);
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        return uploader.deploy(credential, project.id(), RailwayProjectRef.of(project), source, progress);
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        return graphql.query(credential, PlatformStep.WATCH, "deployment", graphql.variables().put("id", deploymentId))
                .map(data -> deployment(data.path("deployment")));
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return events.follow(credential, deploymentId, since);
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        return graphql.mutate(credential, PlatformStep.MANAGE, "deploymentCancel",
                graphql.variables().put("id", deploymentId)).chain(() -> status(credential, deploymentId));
    }

    @Override
    public Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        return graphql.mutate(credential, PlatformStep.DEPLOY, "deploymentRedeploy",
                graphql.variables().put("id", deploymentId)).map(data -> deployment(data.path("deploymentRedeploy")));
    }

    @Override
    public Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return graphql.mutate(credential, PlatformStep.MANAGE, "deploymentRollback",
                graphql.variables().put("id", deploymentId)).replaceWithVoid();
    }

    @Override
    public Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        return databases.provision(credential, project, kind);
    }

    private PlatformDeployment deployment(JsonNode json) {
        String raw = json.path("status").asText("");
        PlatformState state = RailwayStates.map(raw).orElse(PlatformState.PENDING);
        Optional<URI> url = RailwayGraphql.text(json.path("staticUrl")).map(uploader::site);
        Optional<String> errorCode = switch (raw) {
            case "FAILED" -> Optional.of("BUILD_FAILED");
            case "CRASHED" -> Optional.of("CRASHED");
            default -> Optional.empty();
        };
        Optional<String> errorMessage = errorCode.map(c -> "CRASHED".equals(c)
                ? "The deployment crashed after it started" : "The build or deploy failed; see the build log");
        Instant createdAt = RailwayGraphql.text(json.path("createdAt")).map(Instant::parse).orElse(Instant.EPOCH);
        String projectId = json.path("projectId").asText("") + ":" + json.path("environmentId").asText("") + ":"
                + json.path("serviceId").asText("");
        return new PlatformDeployment(json.path("id").asText(), projectId, state, raw, url, errorCode, errorMessage,
                createdAt);
    }
}
