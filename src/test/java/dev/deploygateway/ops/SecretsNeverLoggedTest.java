package dev.deploygateway.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Session tokens, bearer tokens and pasted platform credentials (GitHub tokens, Render keys, accepted or refused)
 * never reach the log, whatever the request does, even at DEBUG.
 */
@QuarkusTest
class SecretsNeverLoggedTest {

    @RegisterExtension
    final dev.deploygateway.ops.ServiceLogCapture logs = new dev.deploygateway.ops.ServiceLogCapture();

    @Test
    void tokensInRequestsNeverAppearInLogs() {
        String session = given().contentType(ContentType.JSON).header("Origin", "http://localhost:8080")
                .body("{\"username\":\"ivan\"}").post("/api/v1/dev/session").getCookie("dg_session");
        String bearer = TestTokens.valid("judy");
        String forged = TestTokens.signedByUntrustedKey("judy");

        given().cookie("dg_session", session).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(bearer).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(bearer).get("/api/v1/test-only/boom").then().statusCode(500);

        assertThat(logs.lines()).as("something was logged at all").isNotEmpty();
        for (String secret : List.of(session, bearer, forged, signaturePart(bearer), signaturePart(forged))) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void pastedGitHubOrRenderSecretsNeverAppearInLogsOrAnswers() {
        String bearer = TestTokens.valid("kim-" + System.nanoTime());
        String github = given().contentType(ContentType.JSON).body(Map.of("login", "gh-kim-" + System.nanoTime()))
                .post("/sandbox/github/_sandbox/tokens").then().statusCode(201).extract().path("token");
        String render = given().contentType(ContentType.JSON).body(Map.of("username", "kim"))
                .post("/sandbox/render/_sandbox/keys").then().statusCode(201).extract().path("key");
        String refusedGitHub = "github_pat_" + "A1b2C3d4".repeat(6);
        String refusedRender = "rnd_" + "Z9y8X7w6".repeat(4);
        var answers = new ArrayList<String>();
        for (String[] paste : new String[][] { { "github", github, "200" }, { "render", render, "200" },
                { "github", refusedGitHub, "422" }, { "render", refusedRender, "422" } }) {
            answers.add(given().auth().oauth2(bearer).contentType(ContentType.JSON).body(Map.of("token", paste[1]))
                    .put("/api/v1/platforms/" + paste[0] + "/connection").then()
                    .statusCode(Integer.parseInt(paste[2])).extract().asString());
        }
        answers.add(given().auth().oauth2(bearer).get("/api/v1/platforms").then().statusCode(200).extract()
                .asString());
        answers.add(given().auth().oauth2(bearer).get("/api/v1/platforms/github/connection").then().statusCode(200)
                .extract().asString());
        answers.add(given().auth().oauth2(bearer).get("/api/v1/platforms/render/connection").then().statusCode(200)
                .extract().asString());

        assertThat(logs.lines()).as("something was logged at all").isNotEmpty();
        for (String secret : List.of(github, render, refusedGitHub, refusedRender)) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
        }
    }

    private static String signaturePart(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
