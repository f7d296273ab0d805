package dev.deploygateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.deploygateway.api.deployment.DeploymentRequest;
import dev.deploygateway.scaffold.FieldError;

/** The customizer's rules on a plain mapper: what binds, what is refused, and where unknown members are fine. */
class StrictJsonBindingTest {

    private static final ObjectMapper JSON = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonBinding().customize(mapper);
        return mapper;
    }

    @Test
    void aWellTypedRequestStillBinds() throws Exception {
        DeploymentRequest request = JSON.readValue("{\"platform\":\"vercel\",\"projectName\":\"site\","
                + "\"env\":[{\"key\":\"A\",\"value\":\"1\",\"sensitive\":true}],"
                + "\"files\":{\"index.html\":{\"content\":\"hi\",\"encoding\":\"utf-8\"}}}", DeploymentRequest.class);
        assertThat(request.projectName()).isEqualTo("site");
        assertThat(request.env().get(0).sensitive()).isTrue();
        assertThat(request.files().get("index.html").content()).isEqualTo("hi");
    }

    @Test
    void aRepeatedMemberNameIsRefusedWhetherBoundOrReadAsATree() {
        assertThatThrownBy(() -> JSON.readValue("{\"platform\":\"vercel\",\"platform\":\"railway\"}",
                DeploymentRequest.class)).isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> JSON.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void scalarsAreNotCoercedIntoStrings() {
        for (String value : new String[] { "123", "1.5", "true" }) {
            assertThatThrownBy(() -> JSON.readValue("{\"projectName\":" + value + "}", DeploymentRequest.class))
                    .as(value).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void quotedOrNumericValuesAreNotCoercedIntoBooleans() {
        for (String value : new String[] { "\"true\"", "1", "0" }) {
            assertThatThrownBy(() -> JSON.readValue("{\"key\":\"A\",\"value\":\"v\",\"sensitive\":" + value + "}",
                    DeploymentRequest.EnvEntry.class)).as(value).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void quotedOrFractionalValuesAreNotCoercedIntoIntegers() throws Exception {
        assertThatThrownBy(() -> JSON.readValue("\"5\"", Integer.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> JSON.readValue("5.5", Integer.class)).isInstanceOf(MismatchedInputException.class);
        assertThat(JSON.readTree("{\"n\":5}").get("n").intValue()).isEqualTo(5);
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"platform\":\"vercel\"} {}", DeploymentRequest.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> JSON.readValue("{} []", JsonNode.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void unknownMembersAreRefusedInRequestBodies() {
        assertThatThrownBy(() -> JSON.readValue("{\"platform\":\"vercel\",\"projectname\":\"typo\"}",
                DeploymentRequest.class)).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"key\":\"A\",\"value\":\"v\",\"secret\":true}",
                DeploymentRequest.EnvEntry.class)).isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void unknownMembersOfOtherTypesAreIgnoredSoStoredDataStaysReadable() throws Exception {
        FieldError read = JSON.readValue("{\"field\":\"f\",\"message\":\"m\",\"addedLater\":1}", FieldError.class);
        assertThat(read).isEqualTo(new FieldError("f", "m"));
    }
}
