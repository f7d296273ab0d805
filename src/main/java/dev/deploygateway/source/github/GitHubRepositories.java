package dev.deploygateway.source.github;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformApiException;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.source.RepositoryTarget;
import io.smallrye.mutiny.Uni;

/**
 * Finds the target repository or creates it. An existing one is reused only when it is in the chosen account and
 * the token may push to it (a repository of someone else's, or one redirected from a rename, is refused). A new one is
 * created initialised ({@code auto_init}), because GitHub's Git Data API refuses an empty repository; private unless
 * the target says public; in the user's account, or in the organisation the target names.
 */
@ApplicationScoped
class GitHubRepositories {

    /** The repository a push goes to, and whether this push created it. */
    record Resolved(GitHubWire.Repository repository, boolean created) {
        String owner() {
            return repository.owner().login();
        }

        String name() {
            return repository.name();
        }
    }

    private final GitHubConfig config;

    GitHubRepositories(GitHubConfig config) {
        this.config = config;
    }

    Uni<Resolved> ensure(GitHubSession session, RepositoryTarget target) {
        return session.read(PlatformStep.PUSH, api -> api.user(session.auth)).chain(user -> {
            String owner = target.owner().orElse(user.login());
            return session.read(PlatformStep.PUSH, api -> api.repository(session.auth, owner, target.name()))
                    .map(existing -> reusable(existing, owner, target))
                    .onFailure(GitHubRepositories::missing)
                    .recoverWithUni(() -> create(session, target, owner, !owner.equalsIgnoreCase(user.login())));
        });
    }

    private static Resolved reusable(GitHubWire.Repository existing, String owner, RepositoryTarget target) {
        boolean sameName = existing.fullName().toLowerCase(Locale.ROOT)
                .equals((owner + "/" + target.name()).toLowerCase(Locale.ROOT));
        if (!sameName || !existing.pushable()) {
            throw PlatformException.of(ErrorCode.REPOSITORY_NAME_TAKEN, PlatformId.GITHUB, PlatformStep.CREATE, false,
                    "The GitHub repository " + owner + "/" + target.name() + " exists and is not one you can push "
                            + "to; choose another repository name");
        }
        return new Resolved(existing, false);
    }

    private Uni<Resolved> create(GitHubSession session, RepositoryTarget target, String owner, boolean inOrg) {
        var body = new GitHubWire.NewRepository(target.name(), config.repositoryDescription(),
                target.visibility() == RepositoryTarget.Visibility.PRIVATE, true);
        return session.create(PlatformStep.CREATE, false, api -> inOrg ? api.createInOrg(session.auth, owner, body)
                : api.createForUser(session.auth, body))
                .map(created -> new Resolved(created, true))
                .onFailure(PlatformException.class)
                .transform(e -> GitHubErrors.about((PlatformException) e, owner + "/" + target.name()));
    }

    private static boolean missing(Throwable failure) {
        return failure instanceof PlatformException p && p.getCause() instanceof PlatformApiException api
                && api.notFound();
    }
}
