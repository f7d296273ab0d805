package dev.deploygateway.source.github;

import static dev.deploygateway.sandbox.github.GitHubContract.as;
import static dev.deploygateway.sandbox.github.GitHubContract.createRepository;
import static dev.deploygateway.sandbox.github.GitHubContract.head;
import static dev.deploygateway.sandbox.github.GitHubContract.login;
import static dev.deploygateway.sandbox.github.GitHubContract.mint;
import static dev.deploygateway.sandbox.github.GitHubContract.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.GitBinary;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.GitObjects;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pushing a project to GitHub (the sandbox) as one commit: a new private repository, exact bytes, only the blobs the
 * repository lacks, nothing at all for an identical snapshot, fast-forward only, and the refusals.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class GitHubPushTest extends GitHubContract {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d };

    @Inject
    GitHubSourceHost github;

    static SourceBundle site(String title) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", utf8("<!doctype html><h1>" + title + "</h1>"));
        files.put("über-uns.html", utf8("<h1>Über uns</h1>"));
        files.put("styles/site.css", utf8("h1 { color: teal; }\n"));
        files.put("images/favicon.png", PNG);
        return SourceBundle.of(files);
    }

    PushedCommit push(String token, RepositoryTarget target, SourceBundle bundle) {
        return github.push(PlatformCredential.of(token), target, bundle, "Deploy from the test", UploadProgress.NONE)
                .await().atMost(WAIT);
    }

    @Test
    void aNewProjectBecomesOneCommitInANewPrivateRepositoryWithExactBytes() {
        String login = login("push");
        String token = mint(login);
        long blobs = stat("blobsCreated");
        SourceBundle bundle = site("Hello");

        PushedCommit pushed = push(token, RepositoryTarget.privateRepository("site"), bundle);

        assertThat(pushed.repository()).isEqualTo(login + "/site");
        assertThat(pushed.repositoryUrl().toString()).isEqualTo("https://github.com/" + login + "/site");
        assertThat(pushed.branch()).isEqualTo("main");
        assertThat(pushed.createdRepository()).isTrue();
        assertThat(pushed.privateRepository()).isTrue();
        assertThat(pushed.unchanged()).isFalse();
        // The PNG is not text: its own blob; the three text files travel inline in the tree request.
        assertThat(pushed.blobsSent()).isEqualTo(1);
        assertThat(pushed.inlineFiles()).isEqualTo(3);
        assertThat(stat("blobsCreated") - blobs).isEqualTo(1);
        assertThat(head(token, pushed.repository())).isEqualTo(pushed.commitSha());

        String tree = as(token).get("/sandbox/github/repos/" + pushed.repository() + "/git/commits/"
                + pushed.commitSha()).then().statusCode(200).extract().path("tree.sha");
        GitBinary git = GitBinary.init();
        var index = new TreeMap<String, String[]>();
        bundle.files().forEach(f -> index.put(f.path(), new String[] { "100644", git.hashObject(f.content()) }));
        assertThat(tree).isEqualTo(git.writeTree(index)).isEqualTo(GitObjects.treeId(bundle));
        String png = as(token).get("/sandbox/github/repos/" + pushed.repository() + "/git/blobs/"
                + GitObjects.blobId(PNG)).then().statusCode(200).extract().path("content");
        assertThat(Base64.getMimeDecoder().decode(png)).containsExactly(PNG);
        // One parent: GitHub's initial commit (the repository was created initialised).
        List<String> parents = as(token).get("/sandbox/github/repos/" + pushed.repository() + "/git/commits/"
                + pushed.commitSha()).then().extract().path("parents.sha");
        assertThat(parents).hasSize(1);
    }

    @Test
    void aRedeploySendsOnlyWhatChanged() {
        String token = mint(login("again"));
        PushedCommit first = push(token, RepositoryTarget.privateRepository("site"), site("Hello"));
        long blobs = stat("blobsCreated");
        long trees = stat("treesCreated");
        long commits = stat("commitsCreated");

        PushedCommit same = push(token, RepositoryTarget.privateRepository("site"), site("Hello"));
        assertThat(same.unchanged()).isTrue();
        assertThat(same.createdRepository()).isFalse();
        assertThat(same.commitSha()).isEqualTo(first.commitSha());
        assertThat(same.blobsSent()).isZero();
        assertThat(stat("blobsCreated")).isEqualTo(blobs);
        assertThat(stat("treesCreated")).isEqualTo(trees);
        assertThat(stat("commitsCreated")).isEqualTo(commits);

        PushedCommit changed = push(token, RepositoryTarget.privateRepository("site"), site("Changed"));
        assertThat(changed.unchanged()).isFalse();
        assertThat(changed.blobsSent()).as("the PNG is already in the repository").isZero();
        assertThat(changed.inlineFiles()).as("only the changed page").isEqualTo(1);
        List<String> parents = as(token).get("/sandbox/github/repos/" + changed.repository() + "/git/commits/"
                + changed.commitSha()).then().extract().path("parents.sha");
        assertThat(parents).containsExactly(first.commitSha());
    }

    @Test
    void onlyTheUsersOwnExistingRepositoryIsReused() {
        String login = login("reuse");
        String token = mint(login);
        createRepository(token, "mine", true, false);
        PushedCommit pushed = push(token, RepositoryTarget.privateRepository("mine"), site("Mine"));
        assertThat(pushed.createdRepository()).isFalse();
        assertThat(pushed.privateRepository()).as("an existing repository keeps its visibility").isFalse();

        String other = login("other");
        createRepository(mint(other), "theirs", true, false);
        var target = new RepositoryTarget(Optional.of(other), "theirs", RepositoryTarget.Visibility.PRIVATE,
                Optional.empty());
        assertThatThrownBy(() -> push(token, target, site("x"))).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REPOSITORY_NAME_TAKEN));
        assertThat(head(mint(other), other + "/theirs")).isNotNull();
    }

    @Test
    void onlyAnOrganisationTheUserBelongsToGetsTheRepository() {
        String org = login("acme");
        String token = mint(login("member"), org);
        var target = new RepositoryTarget(Optional.of(org), "site", RepositoryTarget.Visibility.PUBLIC,
                Optional.of("deploy"));
        PushedCommit pushed = push(token, target, site("Org"));
        assertThat(pushed.repository()).isEqualTo(org + "/site");
        assertThat(pushed.privateRepository()).isFalse();
        assertThat(pushed.branch()).isEqualTo("deploy");

        String stranger = mint(login("stranger"));
        assertThatThrownBy(() -> push(stranger, new RepositoryTarget(Optional.of(org), "other",
                RepositoryTarget.Visibility.PRIVATE, Optional.empty()), site("x")))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REPOSITORY_ACCESS_REQUIRED));
    }

    @Test
    void anEmptyRepositoryIsRefusedWithWhatToDo() {
        String token = mint(login("empty"));
        createRepository(token, "bare", false, true);
        assertThatThrownBy(() -> push(token, RepositoryTarget.privateRepository("bare"), site("x")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("empty").contains("README").contains("/bare");
                });
    }

    @Test
    void namesBreakingGitHubsRulesAreRefusedBeforeAnyCall() {
        String token = mint(login("names"));
        ContractProxy.clear();
        for (var target : List.of(RepositoryTarget.privateRepository("my site"),
                RepositoryTarget.privateRepository("site.git"),
                new RepositoryTarget(Optional.of("-bad-"), "ok", RepositoryTarget.Visibility.PRIVATE, Optional.empty()),
                new RepositoryTarget(Optional.empty(), "ok", RepositoryTarget.Visibility.PRIVATE,
                        Optional.of("a..b")))) {
            assertThatThrownBy(() -> push(token, target, site("x"))).isInstanceOfSatisfying(PlatformException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
        assertThat(ContractProxy.exchanges()).isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
