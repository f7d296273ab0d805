package dev.deploygateway.platform.railway;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of each GraphQL operation the client runs, as records: one {@link Operation} per document in
 * {@code railway/graphql/}, paired with the record its answer binds to. {@code RailwayDataTest} checks every
 * record member against the fields its document selects (and the documents are validated against Railway's schema),
 * so a record cannot read a field the client does not ask for. Members the gateway relies on are
 * {@code required = true}: an answer without them fails instead of becoming null.
 */
final class RailwayData {

    private RailwayData() {
    }

    /** A document and the record its {@code data} binds to. */
    record Operation<T>(String document, Class<T> data) {
    }

    static final Operation<MeData> ME = new Operation<>("me", MeData.class);
    static final Operation<ProjectsData> PROJECTS = new Operation<>("projects", ProjectsData.class);
    static final Operation<ProjectData> PROJECT = new Operation<>("project", ProjectData.class);
    static final Operation<ProjectCreateData> PROJECT_CREATE = new Operation<>("projectCreate",
            ProjectCreateData.class);
    static final Operation<ServiceCreateData> SERVICE_CREATE = new Operation<>("serviceCreate",
            ServiceCreateData.class);
    static final Operation<DomainsData> DOMAINS = new Operation<>("domains", DomainsData.class);
    static final Operation<DomainCreateData> DOMAIN_CREATE = new Operation<>("serviceDomainCreate",
            DomainCreateData.class);
    static final Operation<DeploymentData> DEPLOYMENT = new Operation<>("deployment", DeploymentData.class);
    static final Operation<RedeployData> REDEPLOY = new Operation<>("deploymentRedeploy", RedeployData.class);
    static final Operation<TemplateData> TEMPLATE = new Operation<>("template", TemplateData.class);
    static final Operation<TemplateDeployData> TEMPLATE_DEPLOY = new Operation<>("templateDeployV2",
            TemplateDeployData.class);
    static final Operation<WorkflowData> WORKFLOW_STATUS = new Operation<>("workflowStatus", WorkflowData.class);
    static final Operation<BuildLogsData> BUILD_LOGS = new Operation<>("buildLogs", BuildLogsData.class);
    /** The log websocket's two subscriptions ({@code graphql-transport-ws} {@code next} frames carry their data). */
    static final Operation<BuildLogsData> LOG_STREAM = new Operation<>("buildLogsSubscription", BuildLogsData.class);
    static final Operation<StatusData> STATUS_STREAM = new Operation<>("deploymentSubscription", StatusData.class);
    /** Mutations answering a Boolean the gateway does not read (Railway answers an error when it did not act). */
    static final Operation<Done> CANCEL = new Operation<>("deploymentCancel", Done.class);
    static final Operation<Done> ROLLBACK = new Operation<>("deploymentRollback", Done.class);
    static final Operation<Done> VARIABLES_UPSERT = new Operation<>("variableCollectionUpsert", Done.class);

    /** An answer the gateway reads nothing from. */
    @RegisterForReflection
    record Done() {
    }

    @RegisterForReflection
    record MeData(@JsonProperty(required = true) Me me) {
    }

    /** The account behind the token and the workspaces it may deploy into. */
    @RegisterForReflection
    record Me(@JsonProperty(required = true) String id, String name, String email, List<Named> workspaces) {
        Me {
            workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        }
    }

    /** Anything with an id and a name (workspace, project, environment, service). */
    @RegisterForReflection
    record Named(@JsonProperty(required = true) String id, String name) {
    }

    /** A connection's {@code edges { node { … } } }. */
    @RegisterForReflection
    record Edges(List<Edge> edges) {
        Edges {
            edges = edges == null ? List.of() : List.copyOf(edges);
        }

        List<Named> nodes() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    @RegisterForReflection
    record Edge(@JsonProperty(required = true) Named node) {
    }

    @RegisterForReflection
    record ProjectsData(@JsonProperty(required = true) ProjectPage projects) {
    }

    /** One page of the workspace's projects. */
    @RegisterForReflection
    record ProjectPage(@JsonProperty(required = true) List<Edge> edges, PageInfo pageInfo) {
        Optional<String> next() {
            return pageInfo != null && pageInfo.hasNextPage() ? Optional.ofNullable(pageInfo.endCursor())
                    .filter(c -> !c.isBlank()) : Optional.empty();
        }
    }

    @RegisterForReflection
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @RegisterForReflection
    record ProjectData(@JsonProperty(required = true) Project project) {
    }

    @RegisterForReflection
    record ProjectCreateData(@JsonProperty(required = true) Project projectCreate) {
    }

    /** A project with its environments and (where the document asks) its services. */
    @RegisterForReflection
    record Project(@JsonProperty(required = true) String id, String name, Edges environments, Edges services) {
        List<Named> environmentList() {
            return environments == null ? List.of() : environments.nodes();
        }

        List<Named> serviceList() {
            return services == null ? List.of() : services.nodes();
        }
    }

    @RegisterForReflection
    record ServiceCreateData(@JsonProperty(required = true) Named serviceCreate) {
    }

    @RegisterForReflection
    record DomainsData(@JsonProperty(required = true) Domains domains) {
    }

    @RegisterForReflection
    record Domains(List<Domain> serviceDomains) {
        Domains {
            serviceDomains = serviceDomains == null ? List.of() : List.copyOf(serviceDomains);
        }
    }

    @RegisterForReflection
    record DomainCreateData(@JsonProperty(required = true) Domain serviceDomainCreate) {
    }

    @RegisterForReflection
    record Domain(String id, @JsonProperty(required = true) String domain) {
    }

    @RegisterForReflection
    record DeploymentData(@JsonProperty(required = true) Deployment deployment) {
    }

    @RegisterForReflection
    record RedeployData(@JsonProperty(required = true) Deployment deploymentRedeploy) {
    }

    /** A deployment: its status, where it is served and which project, environment and service it belongs to. */
    @RegisterForReflection
    record Deployment(@JsonProperty(required = true) String id, String status, String createdAt, String projectId,
            String serviceId, String environmentId, String staticUrl, String url, Boolean canRollback) {
    }

    @RegisterForReflection
    record StatusData(@JsonProperty(required = true) DeploymentStatus deployment) {
    }

    /** A deployment's status as the status subscription pushes it. */
    @RegisterForReflection
    record DeploymentStatus(@JsonProperty(required = true) String id, String status) {
    }

    @RegisterForReflection
    record TemplateData(@JsonProperty(required = true) Template template) {
    }

    /** A template; {@code serializedConfig} is Railway's opaque JSON, sent back as it came. */
    @RegisterForReflection
    record Template(@JsonProperty(required = true) String id, String name, JsonNode serializedConfig) {
    }

    @RegisterForReflection
    record TemplateDeployData(@JsonProperty(required = true) TemplateDeploy templateDeployV2) {
    }

    @RegisterForReflection
    record TemplateDeploy(String projectId, String workflowId) {
    }

    @RegisterForReflection
    record WorkflowData(@JsonProperty(required = true) WorkflowStatus workflowStatus) {
    }

    @RegisterForReflection
    record WorkflowStatus(String status, String error) {
    }

    @RegisterForReflection
    record BuildLogsData(List<BuildLog> buildLogs) {
        BuildLogsData {
            buildLogs = buildLogs == null ? List.of() : List.copyOf(buildLogs);
        }
    }

    @RegisterForReflection
    record BuildLog(String timestamp, String message, String severity) {
    }
}
