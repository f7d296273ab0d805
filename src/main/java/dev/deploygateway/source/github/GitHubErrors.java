package dev.deploygateway.source.github;

import java.util.Locale;
import java.util.Optional;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformErrors;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/**
 * GitHub's failures in the gateway's taxonomy: the shared {@link PlatformErrors} for everything generic (dead token,
 * rate limit, outage), plus what only a source host has: a repository name taken by someone else, a branch that moved
 * during the push, an empty repository the Git Data API refuses, and a repository the token may not write.
 */
final class GitHubErrors {

    private GitHubErrors() {
    }

    static PlatformException map(PlatformStep step, Throwable failure) {
        if (failure instanceof GitHubApiException api && !api.rateLimited()) {
            String message = api.platformMessage().toLowerCase(Locale.ROOT);
            if (api.httpStatus() == 422 && step == PlatformStep.CREATE && message.contains("already exists")) {
                return of(ErrorCode.REPOSITORY_NAME_TAKEN, step, false, "A repository with this name already exists "
                        + "on GitHub in this account, and it is not one you can push to; choose another name", api);
            }
            if (api.httpStatus() == 422 && (message.contains("fast forward") || message.contains("already exists"))) {
                return of(ErrorCode.SOURCE_PUSH_CONFLICT, step, true, "The branch changed on GitHub while this "
                        + "deployment pushed, so nothing was overwritten; deploy again to push on top of it", api);
            }
            if (api.httpStatus() == 409 && message.contains("empty")) {
                return of(ErrorCode.CONFLICT, step, false, "The repository is empty and GitHub's Git Data API cannot "
                        + "write to an empty repository: add a first commit (a README) on GitHub, or deploy to a new "
                        + "repository name so the gateway creates it initialised", api);
            }
            if (api.httpStatus() == 403 || (api.httpStatus() == 404 && step == PlatformStep.CREATE)) {
                return of(ErrorCode.REPOSITORY_ACCESS_REQUIRED, step, false, "Your GitHub connection may not write "
                        + "there: install the Deploy Gateway GitHub App on the repository or organisation (or give "
                        + "a pasted token Contents and Administration write access), then deploy again", api);
            }
        }
        PlatformException mapped = PlatformErrors.map(PlatformId.GITHUB, step, failure);
        // The shared taxonomy writes the platform's key with a capital letter; GitHub spells its name otherwise.
        String detail = mapped.getMessage().replace("Github", "GitHub");
        return new PlatformException(mapped.code(), mapped.platform(), mapped.step(), mapped.retryable(), detail,
                mapped.platformCode(), mapped.platformMessage(), mapped.retryAfter(), mapped.getCause());
    }

    private static PlatformException of(ErrorCode code, PlatformStep step, boolean retryable, String detail,
            GitHubApiException api) {
        return new PlatformException(code, PlatformId.GITHUB, step, retryable, detail, Optional.empty(),
                Optional.of(api.platformMessage()).filter(m -> !m.isBlank()), Optional.empty(), api);
    }

    /** The same failure, naming the repository it concerns. */
    static PlatformException about(PlatformException failure, String repository) {
        return new PlatformException(failure.code(), failure.platform(), failure.step(), failure.retryable(),
                failure.getMessage() + " (repository " + repository + ")", failure.platformCode(),
                failure.platformMessage(), failure.retryAfter(), failure.getCause());
    }
}
