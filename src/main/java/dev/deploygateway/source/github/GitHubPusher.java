package dev.deploygateway.source.github;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.scaffold.SourceFile;
import dev.deploygateway.source.GitObjects;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One commit for a whole project through the Git Data API. Ids are computed locally first: when the branch already
 * holds this exact tree nothing is sent at all; otherwise only blobs the branch's tree lacks are uploaded (one by one,
 * paced), small UTF-8 text goes inline in the tree request, the tree GitHub stores is checked against the local id,
 * and the branch moves to the new commit only as a fast-forward of the head it was built on.
 */
@ApplicationScoped
class GitHubPusher {

    private final GitHubApi api;
    private final GitHubCalls calls;
    private final GitHubRepositories repositories;
    private final GitHubConfig config;
    private final Clock clock = Clock.systemUTC();

    GitHubPusher(@RestClient GitHubApi api, GitHubCalls calls, GitHubRepositories repositories,
            GitHubConfig config) {
        this.api = api;
        this.calls = calls;
        this.repositories = repositories;
        this.config = config;
    }

    Uni<PushedCommit> push(PlatformCredential credential, RepositoryTarget target, SourceBundle bundle,
            String message, UploadProgress progress) {
        var session = new GitHubSession(api, calls, new GitHubPace(config, clock), credential);
        return repositories.ensure(session, target).chain(resolved -> {
            var push = new Push(session, resolved, target.branch().orElse(Optional.ofNullable(
                    resolved.repository().defaultBranch()).orElse(config.defaultBranch())), bundle, message, progress);
            return push.run().onFailure(PlatformException.class).transform(e -> GitHubErrors.about(
                    (PlatformException) e, resolved.repository().fullName()));
        });
    }

    /** The state of one push. */
    private final class Push {
        private final GitHubSession session;
        private final GitHubRepositories.Resolved repo;
        private final String branch;
        private final SourceBundle bundle;
        private final String message;
        private final UploadProgress progress;
        private final String treeId;
        private int blobsSent;
        private int inlineFiles;

        Push(GitHubSession session, GitHubRepositories.Resolved repo, String branch, SourceBundle bundle,
                String message, UploadProgress progress) {
            this.session = session;
            this.repo = repo;
            this.branch = branch;
            this.bundle = bundle;
            this.message = message;
            this.progress = progress;
            this.treeId = GitObjects.treeId(bundle);
        }

        Uni<PushedCommit> run() {
            Instant waitUntil = clock.instant().plus(repo.created() ? config.initialCommitWait() : Duration.ZERO);
            return head(waitUntil).chain(head -> head.isEmpty() ? commitOnto(Optional.empty(), Set.of())
                    : session.read(PlatformStep.PUSH, a -> a.commit(session.auth, repo.owner(), repo.name(),
                            head.get())).chain(commit -> {
                                if (commit.tree().sha().equals(treeId)) {
                                    progress.update(0, 0, 0, 0);
                                    return Uni.createFrom().item(result(head.get(), true));
                                }
                                return session.read(PlatformStep.PUSH, a -> a.tree(session.auth, repo.owner(),
                                        repo.name(), commit.tree().sha(), "1"))
                                        .chain(tree -> commitOnto(head, blobsIn(tree)));
                            }));
        }

        /** The branch's head; empty when the branch does not exist yet. */
        private Uni<Optional<String>> head(Instant waitUntil) {
            return session.read(PlatformStep.PUSH, a -> a.ref(session.auth, repo.owner(), repo.name(),
                    "heads/" + branch)).map(ref -> Optional.of(ref.object().sha()))
                    .onFailure(e -> code(e) == ErrorCode.NOT_FOUND).recoverWithItem(Optional.empty())
                    .onFailure(e -> code(e) == ErrorCode.CONFLICT && clock.instant().isBefore(waitUntil))
                    .recoverWithUni(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(250))
                            .chain(() -> head(waitUntil)));
        }

        private Set<String> blobsIn(GitHubWire.Tree tree) {
            // A truncated listing only means fewer blobs are known to exist: they are sent again, harmlessly.
            return tree.tree().stream().filter(i -> "blob".equals(i.type())).map(GitHubWire.TreeItem::sha)
                    .collect(Collectors.toSet());
        }

        private Uni<PushedCommit> commitOnto(Optional<String> head, Set<String> present) {
            var entries = new ArrayList<GitHubWire.TreeEntry>();
            Map<String, SourceFile> toUpload = new LinkedHashMap<>();
            long inlineBytes = 0;
            for (SourceFile file : bundle.files()) {
                String id = GitObjects.blobId(file.content());
                Optional<String> text = present.contains(id) ? Optional.empty() : GitHubText.inline(file,
                        config.inlineMaxFileBytes());
                if (text.isPresent() && inlineBytes + file.size() <= config.inlineMaxTotalBytes()) {
                    inlineBytes += file.size();
                    inlineFiles++;
                    entries.add(new GitHubWire.TreeEntry(file.path(), GitObjects.FILE_MODE, "blob", null, text.get()));
                } else {
                    if (!present.contains(id)) {
                        toUpload.putIfAbsent(id, file);
                    }
                    entries.add(new GitHubWire.TreeEntry(file.path(), GitObjects.FILE_MODE, "blob", id, null));
                }
            }
            if (toUpload.size() > config.maxBlobsPerPush()) {
                return Uni.createFrom().failure(PlatformException.of(ErrorCode.UPLOAD_REJECTED, PlatformId.GITHUB,
                        PlatformStep.PUSH, false, "The project needs " + toUpload.size() + " binary or large files "
                                + "uploaded one by one; GitHub allows about 500 such requests an hour, so at most "
                                + config.maxBlobsPerPush() + " are sent in one deployment"));
            }
            long bytes = toUpload.values().stream().mapToLong(SourceFile::size).sum();
            progress.update(0, toUpload.size(), 0, bytes);
            return Multi.createFrom().iterable(List.copyOf(toUpload.entrySet()))
                    .onItem().transformToUniAndConcatenate(e -> uploadBlob(e.getKey(), e.getValue(), toUpload.size(),
                            bytes))
                    .collect().last()
                    .chain(() -> session.create(PlatformStep.PUSH, true, a -> a.createTree(session.auth, repo.owner(),
                            repo.name(), new GitHubWire.NewTree(entries))))
                    .chain(tree -> {
                        if (!tree.sha().equals(treeId)) {
                            throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.GITHUB,
                                    PlatformStep.PUSH, true, "GitHub stored tree " + tree.sha() + " where the "
                                            + "project's tree is " + treeId + "; nothing was committed");
                        }
                        var commit = new GitHubWire.NewCommit(message, treeId, head.map(List::of).orElse(List.of()));
                        return session.create(PlatformStep.PUSH, true, a -> a.createCommit(session.auth,
                                repo.owner(), repo.name(), commit));
                    })
                    .chain(commit -> moveBranch(head, commit.sha()).replaceWith(result(commit.sha(), false)));
        }

        private long bytesSent;

        private Uni<Void> uploadBlob(String id, SourceFile file, int total, long totalBytes) {
            var body = new GitHubWire.NewBlob(Base64.getEncoder().encodeToString(file.content()), "base64");
            return session.create(PlatformStep.PUSH, true, a -> a.createBlob(session.auth, repo.owner(),
                    repo.name(), body)).map(created -> {
                        if (!created.sha().equals(id)) {
                            throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.GITHUB,
                                    PlatformStep.PUSH, true, "GitHub stored " + file.path() + " under another id");
                        }
                        blobsSent++;
                        bytesSent += file.size();
                        progress.update(blobsSent, total, bytesSent, totalBytes);
                        return null;
                    });
        }

        /** Fast-forward only: the branch moves from the head the commit was built on, or is created. */
        private Uni<Void> moveBranch(Optional<String> head, String commit) {
            if (head.isEmpty()) {
                return session.create(PlatformStep.PUSH, false, a -> a.createRef(session.auth, repo.owner(),
                        repo.name(), new GitHubWire.NewRef("refs/heads/" + branch, commit))).replaceWithVoid();
            }
            return session.create(PlatformStep.PUSH, true, a -> a.updateRef(session.auth, repo.owner(), repo.name(),
                    "heads/" + branch, new GitHubWire.RefUpdate(commit, false))).replaceWithVoid();
        }

        private PushedCommit result(String commit, boolean unchanged) {
            return new PushedCommit(repo.repository().fullName(), URI.create(repo.repository().htmlUrl()), branch,
                    commit, repo.repository().privateRepository(), repo.created(), unchanged, blobsSent,
                    inlineFiles);
        }
    }

    private static ErrorCode code(Throwable failure) {
        return failure instanceof PlatformException p ? p.code() : null;
    }
}
