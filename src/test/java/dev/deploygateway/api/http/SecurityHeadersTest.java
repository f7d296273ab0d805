package dev.deploygateway.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The security headers are on every kind of response: the page, its assets, the API, problems, tooling. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void thePageGetsAPolicyWithoutUnsafeInline() {
        Response page = given().get("/");
        page.then().statusCode(200);
        assertSecurityHeaders(page);
        String policy = page.getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theApiGetsThem() {
        Response me = given().auth().oauth2(TestTokens.valid("hedy")).get("/api/v1/me");
        me.then().statusCode(200).body("userId", equalTo("hedy"));
        assertSecurityHeaders(me);
    }

    @Test
    void problemsGetThem() {
        Response unauthenticated = given().get("/api/v1/me");
        unauthenticated.then().statusCode(401);
        assertSecurityHeaders(unauthenticated);
        Response notFound = given().get("/no/such/page");
        notFound.then().statusCode(404);
        assertSecurityHeaders(notFound);
        Response failed = given().auth().oauth2(TestTokens.valid("hedy")).get("/api/v1/test-only/boom");
        failed.then().statusCode(500);
        assertSecurityHeaders(failed);
    }

    @Test
    void staticAssetsOrTheLivenessEndpointGetThemToo() {
        for (String path : new String[] { "/js/main.js", "/css/app.css", "/q/health/live" }) {
            Response response = given().get(path);
            response.then().statusCode(200);
            assertSecurityHeaders(response);
        }
    }

    @Test
    void swaggerUiGetsItsOwnPolicyBecauseItConfiguresItselfInline() {
        Response ui = given().get("/q/swagger-ui/");
        ui.then().statusCode(200);
        assertThat(ui.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ui.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.TOOLING_POLICY);
    }

    @Test
    void aPolicySetByTheHandlerItselfIsKept() {
        Response own = given().auth().oauth2(TestTokens.valid("hedy")).get("/api/v1/test-only/own-policy");
        own.then().statusCode(200);
        assertThat(own.getHeaders().getValues("Content-Security-Policy")).containsExactly(OwnPolicyTestResource.POLICY);
        assertThat(own.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().getValues("Content-Security-Policy"))
                .containsExactly(SecurityHeaders.PAGE_POLICY);
    }
}
