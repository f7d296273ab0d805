package dev.deploygateway.platform.railway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * Postgres the way {@code railway add --database postgres} does it: the public {@code postgres} template, deployed
 * with {@code templateDeployV2} into the app's project and environment, its workflow polled until {@code Complete},
 * then the app service's {@code DATABASE_URL} set to the reference {@code ${{Postgres.DATABASE_URL}}} (Railway
 * resolves it at deploy time, so the password never passes through the gateway).
 */
@ApplicationScoped
class RailwayDatabases {

    static final String REFERENCE = "${{Postgres.DATABASE_URL}}";

    private final RailwayGraphql graphql;
    private final RailwayConfig config;

    RailwayDatabases(RailwayGraphql graphql, RailwayConfig config) {
        this.graphql = graphql;
        this.config = config;
    }

    Uni<DatabaseInfo> provision(PlatformCredential credential, PlatformProject project, DatabaseInfo.Kind kind) {
        if (kind != DatabaseInfo.Kind.POSTGRES) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.UNSUPPORTED_BY_PLATFORM,
                    PlatformId.RAILWAY, PlatformStep.CONFIGURE, false,
                    "The gateway provisions only Postgres on Railway"));
        }
        RailwayProjectRef ref = RailwayProjectRef.of(project);
        return graphql.query(credential, PlatformStep.CONFIGURE, RailwayData.TEMPLATE,
                graphql.variables().put("code", "postgres"))
                .chain(data -> {
                    RailwayData.Template template = data.template();
                    ObjectNode input = graphql.variables().put("projectId", ref.projectId())
                            .put("environmentId", ref.environmentId()).put("templateId", template.id());
                    input.set("serializedConfig", template.serializedConfig());
                    return graphql.mutate(credential, PlatformStep.CONFIGURE, RailwayData.TEMPLATE_DEPLOY,
                            graphql.input(input));
                })
                .chain(data -> await(credential, Optional.ofNullable(data.templateDeployV2().workflowId()).orElse(""),
                        Instant.now().plus(config.workflowTimeout())))
                .chain(() -> wire(credential, ref))
                .map(v -> new DatabaseInfo(ref.projectId() + ":Postgres", "Postgres", "available",
                        List.of("DATABASE_URL")));
    }

    private Uni<Void> await(PlatformCredential credential, String workflowId, Instant deadline) {
        if (workflowId.isBlank()) {
            return Uni.createFrom().voidItem(); // no workflow to wait for: the template deployed synchronously
        }
        return graphql.query(credential, PlatformStep.CONFIGURE, RailwayData.WORKFLOW_STATUS,
                graphql.variables().put("workflowId", workflowId)).chain(data -> {
                    RailwayData.WorkflowStatus status = data.workflowStatus();
                    String value = Optional.ofNullable(status.status()).orElse("");
                    if ("Complete".equals(value)) {
                        return Uni.createFrom().voidItem();
                    }
                    if ("Error".equals(value) || "NotFound".equals(value)) {
                        return Uni.createFrom().failure(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE,
                                PlatformId.RAILWAY, PlatformStep.CONFIGURE, true,
                                "Railway's Postgres template failed: "
                                        + Optional.ofNullable(status.error()).orElse(value)));
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return Uni.createFrom().failure(PlatformException.of(ErrorCode.TIMED_OUT, PlatformId.RAILWAY,
                                PlatformStep.CONFIGURE, true, "Railway's Postgres template did not finish in time"));
                    }
                    Duration wait = config.workflowPollInterval();
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> await(credential, workflowId, deadline));
                });
    }

    private Uni<Void> wire(PlatformCredential credential, RailwayProjectRef ref) {
        ObjectNode input = graphql.variables().put("projectId", ref.projectId())
                .put("environmentId", ref.environmentId()).put("serviceId", ref.serviceId())
                .put("skipDeploys", true);
        input.putObject("variables").put("DATABASE_URL", REFERENCE);
        return graphql.mutate(credential, PlatformStep.CONFIGURE, RailwayData.VARIABLES_UPSERT, graphql.input(input))
                .replaceWithVoid();
    }
}
