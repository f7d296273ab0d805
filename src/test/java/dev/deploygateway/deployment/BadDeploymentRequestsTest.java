package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSiteJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A corpus of bad deployment requests: each gets a 4xx problem+json with a stable code, and afterwards nothing
 * was stored and no quota was used.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadDeploymentRequestsTest {

    private String user;

    /** One connected caller for the whole corpus (RestAssured knows the app's port only once a test runs). */
    private String user() {
        if (user == null) {
            user = connectedUser("corpus");
        }
        return user;
    }

    static Stream<Arguments> jsonCorpus() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(json("missing platform", b -> without(b, "platform"), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown platform", b -> with(b, "platform", "heroku"), 400, "VALIDATION_FAILED"));
        cases.add(json("missing project name", b -> without(b, "projectName"), 400, "VALIDATION_FAILED"));
        cases.add(json("upper-case name", b -> with(b, "projectName", "MyApp"), 400, "VALIDATION_FAILED"));
        cases.add(json("name too long", b -> with(b, "projectName", "a".repeat(101)), 400, "VALIDATION_FAILED"));
        cases.add(json("name with space", b -> with(b, "projectName", "my app"), 400, "VALIDATION_FAILED"));
        cases.add(json("railway name of 70 characters", b -> with(with(b, "platform", "railway"), "projectName",
                "a".repeat(70)), 400, "VALIDATION_FAILED"));
        cases.add(json("railway name with CR LF", b -> with(with(b, "platform", "railway"), "projectName",
                "shop\r\nX: 1"), 400, "VALIDATION_FAILED"));
        cases.add(json("railway path-like name", b -> with(with(b, "platform", "railway"), "projectName",
                "../etc"), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown target", b -> with(b, "target", "staging"), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown database", b -> with(b, "database", "oracle"), 400, "VALIDATION_FAILED"));
        cases.add(json("env key starts with digit", b -> env(b, List.of(Map.of("key", "1ABC", "value", "x"))), 400,
                "VALIDATION_FAILED"));
        cases.add(json("env key with dash", b -> env(b, List.of(Map.of("key", "MY-KEY", "value", "x"))), 400,
                "VALIDATION_FAILED"));
        cases.add(json("duplicate env keys", b -> env(b, List.of(Map.of("key", "A", "value", "1"),
                Map.of("key", "A", "value", "2"))), 400, "VALIDATION_FAILED"));
        cases.add(json("env value missing", b -> env(b, List.of(Map.of("key", "A"))), 400, "VALIDATION_FAILED"));
        cases.add(json("env value with NUL", b -> env(b, List.of(Map.of("key", "A", "value", "x\u0000y"))), 400,
                "VALIDATION_FAILED"));
        cases.add(json("too many env vars", b -> env(b, IntStream.range(0, 201)
                .mapToObj(i -> Map.of("key", "K" + i, "value", "v")).toList()), 400, "VALIDATION_FAILED"));
        cases.add(json("files missing", b -> without(b, "files"), 400, "VALIDATION_FAILED"));
        cases.add(json("files empty", b -> with(b, "files", Map.of()), 400, "VALIDATION_FAILED"));
        cases.add(json("parent traversal", b -> file(b, "../etc/passwd"), 400, "VALIDATION_FAILED"));
        cases.add(json("backslash traversal", b -> file(b, "..\\..\\secret"), 400, "VALIDATION_FAILED"));
        cases.add(json("absolute path", b -> file(b, "/etc/passwd"), 400, "VALIDATION_FAILED"));
        cases.add(json("drive letter", b -> file(b, "C:\\windows\\x"), 400, "VALIDATION_FAILED"));
        cases.add(json("NUL in path", b -> file(b, "a\u0000b.txt"), 400, "VALIDATION_FAILED"));
        cases.add(json("control char in path", b -> file(b, "bell\u0007.txt"), 400, "VALIDATION_FAILED"));
        cases.add(json("case-insensitive duplicate", b -> file(file(b, "README.md"), "readme.md"), 400,
                "VALIDATION_FAILED"));
        cases.add(json("invalid base64", b -> files(b, Map.of("x.bin", Map.of("content", "!!not base64!!",
                "encoding", "base64"))), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown encoding", b -> files(b, Map.of("x.txt", Map.of("content", "x", "encoding",
                "latin1"))), 400, "VALIDATION_FAILED"));
        cases.add(json("files as array", b -> with(b, "files", List.of("index.html")), 400, "VALIDATION_FAILED"));
        cases.add(json("env as string", b -> with(b, "env", "A=1"), 400, "VALIDATION_FAILED"));
        cases.add(json("project name as a number", b -> with(b, "projectName", 123), 400, "VALIDATION_FAILED"));
        cases.add(json("platform as a boolean", b -> with(b, "platform", true), 400, "VALIDATION_FAILED"));
        cases.add(json("env value as a number", b -> env(b, List.of(Map.of("key", "A", "value", 42))), 400,
                "VALIDATION_FAILED"));
        cases.add(json("sensitive as a string", b -> env(b, List.of(Map.of("key", "A", "value", "x",
                "sensitive", "yes"))), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown member (a typo)", b -> with(b, "projectname", "typo"), 400, "VALIDATION_FAILED"));
        cases.add(json("unknown member in an env entry", b -> env(b, List.of(Map.of("key", "A", "value", "x",
                "secret", true))), 400, "VALIDATION_FAILED"));
        cases.add(json("body over the request limit", b -> files(b, Map.of("big.txt", Map.of("content",
                "x".repeat(3 * 1024 * 1024), "encoding", "utf-8"))), 413, "PAYLOAD_TOO_LARGE"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCorpus")
    void badJsonRequestsAreRefusedWithAProblem(String name, Object body, int status, String code) {
        caller().contentType("application/json").body(body).post("/api/v1/deployments")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
        assertNothingStored();
    }

    static Stream<Arguments> rawCorpus() throws IOException {
        String settings = "{\"platform\":\"vercel\",\"projectName\":\"archive-site\"}";
        byte[] site = zipNamed("index.html");
        return Stream.of(
                Arguments.of("malformed JSON", (UnaryOperator<RequestSpecification>) r -> r
                        .contentType("application/json").body("{\"platform\": \"vercel\","), 400, "MALFORMED_REQUEST"),
                Arguments.of("text/plain body", (UnaryOperator<RequestSpecification>) r -> r
                        .contentType("text/plain").body("platform=vercel"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("archive of random bytes", multipart(settings, "site.zip", new byte[] { 1, 2, 3, 4, 5 }),
                        400, "VALIDATION_FAILED"),
                Arguments.of("zip bomb", multipart(settings, "bomb.zip", zip("zeros.bin", 20 * 1024 * 1024)), 413,
                        "PAYLOAD_TOO_LARGE"),
                Arguments.of("zip slip entry", multipart(settings, "slip.zip", zipNamed("../../evil.sh")), 400,
                        "VALIDATION_FAILED"),
                Arguments.of("settings not JSON", multipart("{nope", "site.zip", zipNamed("index.html")), 400,
                        "MALFORMED_REQUEST"),
                Arguments.of("settings with bad name",
                        multipart("{\"platform\":\"vercel\",\"projectName\":\"Bad Name\"}",
                                "site.zip", zipNamed("index.html")),
                        400, "VALIDATION_FAILED"),
                Arguments.of("archive part missing", (UnaryOperator<RequestSpecification>) r -> r
                        .multiPart("settings", settings, "application/json"), 400, "VALIDATION_FAILED"),
                Arguments.of("settings part missing", (UnaryOperator<RequestSpecification>) r -> r
                        .multiPart("archive", "site.zip", site, "application/zip"), 400,
                        "VALIDATION_FAILED"),
                Arguments.of("env value with an unpaired surrogate", rawJson(json -> json.replace("\"hello\"",
                        "\"\\ud800\"")), 400, "VALIDATION_FAILED"),
                Arguments.of("env value with a lone low surrogate", rawJson(json -> json.replace("\"hello\"",
                        "\"x\\udc00y\"")), 400, "VALIDATION_FAILED"),
                Arguments.of("build command with an unpaired surrogate", rawJson(json -> json.replace(
                        "\"target\":\"preview\"", "\"target\":\"preview\",\"buildCommand\":\"make \\ud83d\"")),
                        400, "VALIDATION_FAILED"),
                Arguments.of("duplicate member names", rawJson(json -> json.replace("\"platform\":\"vercel\"",
                        "\"platform\":\"vercel\",\"platform\":\"vercel\"")), 400, "MALFORMED_REQUEST"),
                Arguments.of("content after the JSON value", rawJson(json -> json + " {}"), 400, "MALFORMED_REQUEST"),
                Arguments.of("truncated multipart body", (UnaryOperator<RequestSpecification>) r -> r
                        .contentType("multipart/form-data; boundary=zz").body("--zz\r\nbroken".getBytes()), 400,
                        "MALFORMED_REQUEST"),
                Arguments.of("settings with a number as project name", multipart(
                        "{\"platform\":\"vercel\",\"projectName\":7}", "site.zip", site), 400, "VALIDATION_FAILED"),
                Arguments.of("settings with duplicate member names", multipart("{\"platform\":\"vercel\","
                        + "\"projectName\":\"a-site\",\"projectName\":\"b-site\"}", "site.zip", site), 400,
                        "MALFORMED_REQUEST"),
                Arguments.of("idempotency key with spaces", (UnaryOperator<RequestSpecification>) r -> r
                        .header("Idempotency-Key", "has spaces").contentType("application/json")
                        .body(staticSite("key-site", Map.of())), 400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCorpus")
    void badRawRequestsAreRefusedWithAProblem(String name, UnaryOperator<RequestSpecification> request, int status,
            String code) {
        request.apply(caller()).post("/api/v1/deployments")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
        assertNothingStored();
    }

    @Test
    void badQueryParametersAreRefused() {
        caller().queryParam("limit", 0).get("/api/v1/deployments").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        caller().queryParam("cursor", "yesterday").get("/api/v1/deployments").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        caller().get("/api/v1/deployments/not-an-id").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        caller().post("/api/v1/deployments/dep_" + "1".repeat(32) + "/redeploy").then().statusCode(404);
    }

    @Test
    void deployingToAnUnconnectedPlatformIsA409WithoutUsingQuota() {
        String stranger = "stranger-" + System.nanoTime();
        given().auth().oauth2(TestTokens.valid(stranger)).contentType("application/json")
                .body(staticSite("lonely-site", Map.of())).post("/api/v1/deployments")
                .then().statusCode(409).body("code", equalTo("PLATFORM_NOT_CONNECTED"));
        given().auth().oauth2(TestTokens.valid(stranger)).get("/api/v1/rate-limit").then()
                .body("remaining", equalTo(10));
    }

    private RequestSpecification caller() {
        return given().auth().oauth2(TestTokens.valid(user()));
    }

    private void assertNothingStored() {
        caller().get("/api/v1/deployments").then().statusCode(200).body("items", empty());
        caller().get("/api/v1/rate-limit").then().body("remaining", equalTo(10));
    }

    /** The corpus's valid body as JSON text, edited by {@code change}: for what a serializer would not write. */
    private static UnaryOperator<RequestSpecification> rawJson(UnaryOperator<String> change) {
        return r -> r.contentType("application/json").body(change.apply(new String(staticSiteJson("corpus-site"),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments json(String name, UnaryOperator<Map<String, Object>> change, int status, String code) {
        return Arguments.of(name, change.apply(new LinkedHashMap<>(staticSite("corpus-site", Map.of()))), status,
                code);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        body.remove(key);
        return body;
    }

    private static Map<String, Object> env(Map<String, Object> body, List<?> env) {
        return with(body, "env", env);
    }

    private static Map<String, Object> files(Map<String, Object> body, Map<String, Object> files) {
        return with(body, "files", files);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> file(Map<String, Object> body, String path) {
        Map<String, Object> files = new LinkedHashMap<>((Map<String, Object>) body.get("files"));
        files.put(path, Map.of("content", "x", "encoding", "utf-8"));
        return with(body, "files", files);
    }

    private static UnaryOperator<RequestSpecification> multipart(String settings, String fileName, byte[] archive) {
        return r -> r.multiPart("settings", settings, "application/json")
                .multiPart("archive", fileName, archive, "application/octet-stream");
    }

    private static byte[] zipNamed(String entry) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<h1>hi</h1>".getBytes());
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, int zeros) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            byte[] chunk = new byte[64 * 1024];
            for (int written = 0; written < zeros; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
