package dev.deploygateway.platform.vercel;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import dev.deploygateway.platform.PlatformCredential;

/**
 * Who a Vercel call acts as: the caller's {@code Authorization} value and the team it acts in ({@code teamId},
 * left out of the URL when null), sent with every team-scoped call as one {@code @BeanParam}. Never printed with
 * its token.
 */
final class VercelCaller {

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    private final String authorization;
    @QueryParam("teamId")
    private final String teamId;

    private VercelCaller(String authorization, String teamId) {
        this.authorization = authorization;
        this.teamId = teamId;
    }

    static VercelCaller of(PlatformCredential credential) {
        return new VercelCaller(credential.bearer(), credential.teamId().orElse(null));
    }

    @Override
    public String toString() {
        return "VercelCaller[authorization=***, teamId=" + teamId + "]";
    }
}
