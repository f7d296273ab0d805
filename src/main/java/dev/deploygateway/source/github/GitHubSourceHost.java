package dev.deploygateway.source.github;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import dev.deploygateway.source.SourceHost;
import io.smallrye.mutiny.Uni;

/**
 * GitHub as a source host: connected with a GitHub App's user tokens ({@link GitHubOAuth}) or a pasted fine-grained
 * token, verified with {@code GET /user}; projects pushed by {@link GitHubPusher}.
 */
@ApplicationScoped
public class GitHubSourceHost implements SourceHost {

    static final PlatformCapabilities CAPABILITIES = PlatformCapabilities.of(Capability.API_TOKEN,
            Capability.GIT_PUSH);

    private final GitHubApi api;
    private final GitHubCalls calls;
    private final GitHubPusher pusher;
    private final GitHubOAuth oauth;
    private final GitHubConfig config;

    GitHubSourceHost(@RestClient GitHubApi api, GitHubCalls calls, GitHubPusher pusher, GitHubOAuth oauth,
            GitHubConfig config) {
        this.api = api;
        this.calls = calls;
        this.pusher = pusher;
        this.oauth = oauth;
        this.config = config;
    }

    @Override
    public PlatformId id() {
        return PlatformId.GITHUB;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<PlatformOAuth> oauth() {
        return Optional.of(oauth);
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        var session = new GitHubSession(api, calls, new GitHubPace(config, Clock.systemUTC()), credential);
        return session.read(PlatformStep.AUTH, a -> a.user(session.auth)).map(user -> new PlatformAccount(
                Long.toString(user.id()), user.login(), Optional.ofNullable(user.email()), List.of()));
    }

    @Override
    public Optional<String> targetProblem(RepositoryTarget target) {
        return GitHubNames.problem(target);
    }

    @Override
    public Uni<PushedCommit> push(PlatformCredential credential, RepositoryTarget target, SourceBundle bundle,
            String message, UploadProgress progress) {
        return targetProblem(target).map(rule -> Uni.createFrom().<PushedCommit>failure(
                PlatformException.of(ErrorCode.VALIDATION_FAILED, id(), PlatformStep.PUSH, false, rule)))
                .orElseGet(() -> pusher.push(credential, target, bundle, message, progress));
    }
}
