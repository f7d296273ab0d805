package dev.deploygateway.sandbox.vercel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.vercel.VercelContractTestBase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls a Vercel client makes against the sandbox (through the recording proxy), for the sandbox's own tests. */
final class VercelSandboxFixtures {

    static final String API = "/sandbox/vercel";

    private VercelSandboxFixtures() {
    }

    static RequestSpecification as(PlatformCredential credential) {
        return VercelContractTestBase.sandbox().header("Authorization", credential.bearer());
    }

    /** A one-file inline deployment that needs no project settings; answers its id. */
    static String deployInline(PlatformCredential user, String name) {
        return as(user).contentType(ContentType.JSON).queryParam("skipAutoDetectionConfirmation", 1)
                .body(Map.of("name", name, "files", List.of(Map.of("file", "index.html", "data", "hi"))))
                .post(API + "/v13/deployments").then().statusCode(200).extract().path("id");
    }

    static void awaitReady(PlatformCredential user, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> "READY"
                .equals(as(user).get(API + "/v13/deployments/" + id).then().extract().path("readyState")));
    }
}
