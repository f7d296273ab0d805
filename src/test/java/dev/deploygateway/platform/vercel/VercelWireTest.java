package dev.deploygateway.platform.vercel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.deploygateway.platform.RecordSchemaCheck;
import io.smallrye.mutiny.Uni;

/**
 * The records of {@link VercelWire} are the shapes of Vercel's OpenAPI document: checked from {@link VercelApi}
 * itself, so a method added or changed there is checked too (the exchanges' own validation is
 * {@code VercelContract}'s).
 */
class VercelWireTest {

    private static final RecordSchemaCheck DOCUMENT = new RecordSchemaCheck(
            Path.of("src/test/resources/contracts/vercel/openapi.json"), "");
    /** Operations the document does not describe (platform-contracts §1.5 and §1.8). */
    private static final Set<String> UNDOCUMENTED = Set.of("/v1/projects/{projectId}/rollback/{deploymentId}",
            "/login/oauth/token/revoke");

    /** Where the gateway follows Vercel's behaviour over the published schema (platform-contracts §1.7). */
    private static final List<String> KNOWN_DEPARTURES = List.of(
            "POST /v1/storage/stores/integration/direct answer .store .id: not a member of the schema",
            "POST /v1/storage/stores/integration/direct answer .store .name: not a member of the schema");

    @Test
    void everyRecordTheClientSendsOrReadsMatchesItsOperation() {
        assertThat(DOCUMENT.check(VercelApi.class, UNDOCUMENTED)).containsExactlyInAnyOrderElementsOf(
                KNOWN_DEPARTURES);
    }

    @Test
    void eventLinesMatchTheStreamSchema() {
        assertThat(DOCUMENT.check(VercelWire.EventLine.class, "/paths/~1v3~1deployments~1{idOrUrl}~1events/get"
                + "/responses/200/content/application~1stream+json/schema")).isEmpty();
    }

    /** Records that drift from the document in each way the check knows. */
    interface Drifted {
        record User(@JsonProperty(required = true) String id, String nickname, long username,
                @JsonProperty(required = true) String importFlowGitProvider) {
        }

        record UserResponse(User user) {
        }

        record ProjectCreate(String framework) {
        }

        @GET
        @jakarta.ws.rs.Path("/v2/user")
        Uni<UserResponse> user();

        @POST
        @jakarta.ws.rs.Path("/v11/projects")
        Uni<VercelWire.Project> create(ProjectCreate body);

        @GET
        @jakarta.ws.rs.Path("/v2/nowhere")
        Uni<UserResponse> nowhere();
    }

    @Test
    void driftFromTheDocumentIsReported() {
        assertThat(DOCUMENT.check(Drifted.class, Set.of())).containsExactlyInAnyOrder(
                "GET /v2/user answer .user .nickname: not a member of the schema",
                "GET /v2/user answer .user .username: long, but the document says [string]",
                "GET /v2/user answer .user .importFlowGitProvider: required by the record but optional in the document",
                "POST /v11/projects body .name: required by the document, not sent",
                "GET /v2/nowhere: not in the document");
    }
}
