package dev.deploygateway.source.github;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * The calls of one push (or one verification) with one credential: each goes through the shared call policy
 * ({@link GitHubCalls}) and this push's {@link GitHubPace}, which reads the rate-limit headers of every answer.
 */
final class GitHubSession {

    final GitHubApi api;
    final String auth;
    private final GitHubCalls calls;
    private final GitHubPace pace;

    GitHubSession(GitHubApi api, GitHubCalls calls, GitHubPace pace, PlatformCredential credential) {
        this.api = api;
        this.calls = calls;
        this.pace = pace;
        this.auth = credential.bearer();
    }

    /** A read, retried on 5xx and network failures. */
    <T> Uni<T> read(PlatformStep step, Function<GitHubApi, Uni<RestResponse<T>>> call) {
        return pace.beforeCall(step).chain(() -> calls.idempotent(step, () -> call.apply(api)))
                .invoke(pace::observe).map(RestResponse::getEntity);
    }

    /**
     * A content-creating call: paced under the secondary limit; retried only when {@code idempotent} (git objects
     * are addressed by their content, so sending one twice creates nothing new).
     */
    <T> Uni<T> create(PlatformStep step, boolean idempotent, Function<GitHubApi, Uni<RestResponse<T>>> call) {
        Supplier<Uni<RestResponse<T>>> once = () -> call.apply(api);
        return pace.beforeCall(step).chain(pace::beforeCreation)
                .chain(() -> idempotent ? calls.idempotent(step, once) : calls.once(step, once))
                .invoke(pace::observe).map(RestResponse::getEntity);
    }
}
