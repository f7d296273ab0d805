package dev.deploygateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A path no sandbox endpoint serves answers with that platform's own 404 body, for every method (the platforms'
 * clients read those, not the gateway's problem+json), while the sandboxes' real endpoints still win over the
 * catch-all.
 */
@QuarkusTest
class SandboxUnknownRoutesTest {

    @ParameterizedTest
    @CsvSource({
            "GET,    /sandbox/vercel/v99/nothing-here,  error.code, not_found",
            "DELETE, /sandbox/vercel/v99/nothing-here,  error.code, not_found",
            "GET,    /sandbox/railway/nothing-here,     message,    Not Found",
            "PATCH,  /sandbox/railway/nothing-here,     message,    Not Found",
            "GET,    /sandbox/render/v1/nothing-here,   id,         not_found",
            "PUT,    /sandbox/render/v1/nothing-here,   id,         not_found",
            "GET,    /sandbox/github/nothing-here,      message,    Not Found",
            "POST,   /sandbox/github/nothing-here,      message,    Not Found" })
    void anUnknownPathGetsThePlatformsOwn404(String method, String path, String field, String value) {
        given().contentType("application/json").body("{}").request(method, path)
                .then().statusCode(404).contentType(startsWith("application/json")).body(field, equalTo(value));
    }

    @ParameterizedTest
    @CsvSource({ "/sandbox/vercel/v2/user, 403", "/sandbox/render/v1/owners, 401", "/sandbox/github/user, 401" })
    void aRealEndpointIsNotShadowedByTheCatchAll(String path, int unauthenticated) {
        given().get(path).then().statusCode(unauthenticated);
    }
}
