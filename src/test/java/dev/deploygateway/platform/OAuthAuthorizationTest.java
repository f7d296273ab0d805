package dev.deploygateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one authorize-URL builder every OAuth platform uses. */
class OAuthAuthorizationTest {

    private final OAuthAuthorization request = new OAuthAuthorization("s t", "ch+al/lenge",
            URI.create("http://localhost:8080/cb?x=1"), List.of());

    @Test
    void thePkceRequestComesFirstThenThePlatformsParametersInKeyOrderEncodedWithPercent20() {
        URI url = request.authorizeUrl("https://idp.test/authorize", "client id",
                Map.of("scope", request.scope(List.of("openid", "email")), "response_type", "code"));
        assertThat(url.toString()).isEqualTo("https://idp.test/authorize?client_id=client%20id"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcb%3Fx%3D1&state=s%20t"
                + "&code_challenge=ch%2Bal%2Flenge&code_challenge_method=S256&response_type=code"
                + "&scope=openid%20email");
    }

    @Test
    void anEndpointWithAQueryIsExtendedAndAskedScopesReplaceTheDefaults() {
        var asked = new OAuthAuthorization("s", "c", URI.create("http://cb"), List.of("repo"));
        assertThat(asked.scope(List.of("openid"))).isEqualTo("repo");
        assertThat(asked.authorizeUrl("https://idp.test/authorize?tenant=a", "id", Map.of()).toString())
                .startsWith("https://idp.test/authorize?tenant=a&client_id=id&");
    }
}
