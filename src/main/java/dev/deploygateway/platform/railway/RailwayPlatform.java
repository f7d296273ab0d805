package dev.deploygateway.platform.railway;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProfile;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.SourceLimits;
import dev.deploygateway.platform.UploadProgress;
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

    static final PlatformCapabilities CAPABILITIES = PlatformCapabilities.of(Capability.API_TOKEN,
            Capability.TARBALL_UPLOAD, Capability.DATABASE, Capability.CANCEL, Capability.REDEPLOY,
            Capability.ROLLBACK);

    private final PlatformProfile profile;
    private final RailwayGraphql graphql;
    private final RailwayProjects projects;
    private final RailwayUploader uploader;
    private final RailwayEvents events;
    private final RailwayDatabases databases;

    /** The uncompressed size bounds the tarball from above (plus headers): a cheap, conservative limit. */
    RailwayPlatform(RailwayGraphql graphql, RailwayProjects projects, RailwayUploader uploader, RailwayEvents events,
            RailwayOAuth oauth, RailwayDatabases databases, RailwayConfig config) {
        this.profile = new PlatformProfile(PlatformId.RAILWAY, CAPABILITIES, RailwayNames.NAMING,
                new SourceLimits(config.maxFiles(), config.maxUploadBytes(), config.maxUploadBytes()),
                Optional.of(oauth));
        this.graphql = graphql;
        this.projects = projects;
        this.uploader = uploader;
        this.events = events;
        this.databases = databases;
    }

    @Override
    public PlatformProfile profile() {
        return profile;
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return graphql.query(credential, PlatformStep.AUTH, RailwayData.ME, graphql.variables()).map(data -> {
            RailwayData.Me me = data.me();
            var teams = me.workspaces().stream().map(w -> new PlatformAccount.Team(w.id(), w.id(), w.name())).toList();
            Optional<String> email = Optional.ofNullable(me.email()).filter(e -> !e.isBlank());
            return new PlatformAccount(me.id(), Optional.ofNullable(me.name()).or(() -> email).orElse(""), email,
                    teams);
        });
    }

    @Override
    public Uni<Boolean> projectExists(PlatformCredential credential, String name) {
        return projects.workspace(credential, PlatformStep.CHECK)
                .chain(ws -> projects.find(credential, ws, name, PlatformStep.CHECK)).map(Optional::isPresent);
    }

    @Override
    public Uni<PlatformProject> findOrCreateProject(PlatformCredential credential, ProjectSpec spec) {
        return projects.ensure(credential, spec.name());
    }

    /** {@code variableCollectionUpsert} with {@code skipDeploys}: the values apply to the next upload's build. */
    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        RailwayProjectRef ref = RailwayProjectRef.of(project);
        ObjectNode input = graphql.variables().put("projectId", ref.projectId())
                .put("environmentId", ref.environmentId()).put("serviceId", ref.serviceId())
                .put("skipDeploys", true);
        ObjectNode map = input.putObject("variables");
        variables.forEach(v -> map.put(v.key(), v.value()));
        ObjectNode vars = graphql.variables();
        vars.set("input", input);
        return graphql.mutate(credential, PlatformStep.CONFIGURE, RailwayData.VARIABLES_UPSERT, vars)
                .replaceWithVoid();
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        return uploader.deploy(credential, project.id(), RailwayProjectRef.of(project), source, progress);
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        return graphql.query(credential, PlatformStep.WATCH, RailwayData.DEPLOYMENT,
                graphql.variables().put("id", deploymentId)).map(data -> deployment(data.deployment()));
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return events.follow(credential, deploymentId, since);
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        return graphql.mutate(credential, PlatformStep.MANAGE, RailwayData.CANCEL,
                graphql.variables().put("id", deploymentId)).chain(() -> status(credential, deploymentId));
    }

    @Override
    public Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        return graphql.mutate(credential, PlatformStep.DEPLOY, RailwayData.REDEPLOY,
                graphql.variables().put("id", deploymentId)).map(data -> deployment(data.deploymentRedeploy()));
    }

    @Override
    public Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return graphql.mutate(credential, PlatformStep.MANAGE, RailwayData.ROLLBACK,
                graphql.variables().put("id", deploymentId)).replaceWithVoid();
    }

    @Override
    public Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        return databases.provision(credential, project, kind);
    }

    private PlatformDeployment deployment(RailwayData.Deployment found) {
        String raw = found.status() == null ? "" : found.status();
        PlatformState state = RailwayStates.map(raw).orElse(PlatformState.PENDING);
        Optional<URI> url = present(found.staticUrl()).map(uploader::site);
        Optional<String> errorCode = switch (raw) {
            case "FAILED" -> Optional.of("BUILD_FAILED");
            case "CRASHED" -> Optional.of("CRASHED");
            default -> Optional.empty();
        };
        Optional<String> errorMessage = errorCode.map(c -> "CRASHED".equals(c)
                ? "The deployment crashed after it started" : "The build or deploy failed; see the build log");
        Instant createdAt = present(found.createdAt()).map(Instant::parse).orElse(Instant.EPOCH);
        String projectId = present(found.projectId()).orElse("") + ":" + present(found.environmentId()).orElse("")
                + ":" + present(found.serviceId()).orElse("");
        return new PlatformDeployment(found.id(), projectId, state, raw, url, errorCode, errorMessage, createdAt);
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
