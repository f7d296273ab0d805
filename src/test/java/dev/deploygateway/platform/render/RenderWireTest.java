package dev.deploygateway.platform.render;

import static dev.deploygateway.platform.render.RenderDocumentExamples.JSON;
import static dev.deploygateway.platform.render.RenderDocumentExamples.at;
import static dev.deploygateway.platform.render.RenderDocumentExamples.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.api.StrictJsonBinding;

/**
 * The Render records read bodies exactly as Render's OpenAPI document describes them (examples assembled from the
 * document's schemas), plus the ways recorded real answers depart from it (platform-contracts §3.10), with Quarkus's
 * Jackson defaults (unknown members ignored), and refuse a body without a member the gateway relies on.
 */
class RenderWireTest {

    /** The application's mapper, as the REST client gets it: Quarkus's defaults plus the gateway's customizer. */
    static final ObjectMapper CLIENT = client();

    private static ObjectMapper client() {
        var mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        new StrictJsonBinding().customize(mapper);
        return mapper;
    }

    @Test
    void theDocumentsOwnerOrServiceExamplesParse() throws Exception {
        var owner = CLIENT.treeToValue(schema("ownerWithCursor", ""), RenderWire.OwnerWithCursor.class);
        assertThat(owner.owner().type()).isEqualTo("user");
        ObjectNode site = schema("serviceWithCursor", "staticSiteDetails");
        var service = CLIENT.treeToValue(site, RenderWire.ServiceWithCursor.class).service();
        assertThat(service.type()).isEqualTo("static_site");
        assertThat(service.serviceDetails().publishPath()).isNotNull();
        assertThat(service.serviceDetails().url()).isNotNull();
        var web = CLIENT.treeToValue(schema("service", "webServiceDetails"), RenderWire.Service.class);
        assertThat(web.serviceDetails().runtime()).isEqualTo("docker");
        assertThat(web.serviceDetails().region()).isEqualTo("oregon");
        var created = CLIENT.treeToValue(schema("serviceAndDeploy", "staticSiteDetails"),
                RenderWire.ServiceAndDeploy.class);
        assertThat(created.service().repo()).isEqualTo("https://github.com/render-examples/flask-hello-world");
    }

    @Test
    void deployEnvVarDatabaseOrLogExamplesParse() throws Exception {
        var deploy = CLIENT.treeToValue(schema("deploy", ""), RenderWire.Deploy.class);
        assertThat(deploy.id()).isNotNull();
        var env = CLIENT.treeToValue(schema("envVar", ""), RenderWire.EnvVar.class);
        assertThat(env.key()).isNotNull();
        var postgres = CLIENT.treeToValue(schema("postgresDetail", ""), RenderWire.Postgres.class);
        assertThat(postgres.status()).isEqualTo(RenderDocumentExamples.schema("postgresDetail", "")
                .path("status").asText());
        var info = CLIENT.treeToValue(schema("postgresConnectionInfo", ""), RenderWire.ConnectionInfo.class);
        assertThat(info.internalConnectionString()).isNotNull();
        assertThat(info.toString()).doesNotContain(info.internalConnectionString());
        var logs = CLIENT.treeToValue(at("/components/responses/Logs200Response/content/application~1json/schema",
                ""), RenderWire.Logs.class);
        assertThat(logs.nextStartTime()).isEqualTo("2021-07-15T07:20:05.777035-07:00");
        assertThat(RenderLogTimes.parse(logs.nextStartTime())).isPresent();
        var frame = CLIENT.treeToValue(at("/paths/~1logs~1subscribe/get/responses/101/content/application~1json/"
                + "schema", ""), RenderWire.Log.class);
        assertThat(frame.labels()).isNotEmpty();
    }

    @Test
    void whatRealAnswersLeaveOutOrSendAsNullIsTolerated() throws Exception {
        ObjectNode postgres = schema("postgresDetail", "");
        postgres.remove("project");
        postgres.putNull("ipAllowList");
        postgres.put("status", "unknown");
        postgres.put("addedByRenderLater", true);
        assertThat(CLIENT.treeToValue(postgres, RenderWire.Postgres.class).status()).isEqualTo("unknown");
        ObjectNode deploy = schema("deploy", "");
        deploy.putNull("finishedAt");
        deploy.putNull("commit");
        assertThat(CLIENT.treeToValue(deploy, RenderWire.Deploy.class).commit()).isNull();
        ObjectNode logs = (ObjectNode) at("/components/responses/Logs200Response/content/application~1json/schema",
                "");
        logs.putNull("logs");
        assertThat(CLIENT.treeToValue(logs, RenderWire.Logs.class).logs()).isEmpty();
        var notFound = RenderApiException.from(404, "{\"message\":\"not found: srv-x\"}", h -> null);
        assertThat(notFound.notFound()).isTrue();
        var limited = RenderApiException.from(429, JSON.writeValueAsString(Map.of("id", "rate_limited", "message",
                "Rate limit has been surpassed.")), h -> "Ratelimit-Reset".equals(h) ? "42" : null);
        assertThat(limited.retryAfter()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(42));
        assertThat(limited.code()).isEqualTo("rate_limited");
    }

    @Test
    void aBodyWithoutAMemberTheGatewayReliesOnIsRefused() {
        ObjectNode deploy = schema("deploy", "");
        deploy.remove("id");
        assertThatThrownBy(() -> CLIENT.treeToValue(deploy, RenderWire.Deploy.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("id");
        ObjectNode created = schema("serviceAndDeploy", "staticSiteDetails");
        created.remove("service");
        assertThatThrownBy(() -> CLIENT.treeToValue(created, RenderWire.ServiceAndDeploy.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("service");
        ObjectNode info = schema("postgresConnectionInfo", "");
        info.remove("internalConnectionString");
        assertThatThrownBy(() -> CLIENT.treeToValue(info, RenderWire.ConnectionInfo.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
