package dev.deploygateway.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.GitBinary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The GitHub sandbox's Git Data API: object ids are exactly what the {@code git} binary computes, refs answer to
 * both spellings, fast-forward-only updates, and the empty-repository rule with {@code auto_init}.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class GitHubSandboxGitTest extends GitHubContract {

    private static final byte[] BINARY = { 0, 1, 2, (byte) 0xff, (byte) 0x89, 'P', 'N', 'G' };

    @Test
    void objectIdsAreTheOnesGitComputes() {
        String token = mint(login("ids"));
        String repo = createRepository(token, "ids", true, true);
        String text = blob(token, repo, "hello, world\n", "utf-8");
        String binary = blob(token, repo, Base64.getEncoder().encodeToString(BINARY), "base64");
        var entries = List.of(
                Map.of("path", "README.md", "mode", "100644", "type", "blob", "sha", text),
                Map.of("path", "images/logo.bin", "mode", "100644", "type", "blob", "sha", binary),
                Map.of("path", "über-uns.html", "mode", "100644", "type", "blob", "content", "<h1>Über uns</h1>\n"),
                Map.of("path", "bin/run.sh", "mode", "100755", "type", "blob", "content", "#!/bin/sh\necho hi\n"),
                Map.of("path", "bin-notes", "mode", "100644", "type", "blob", "content", "sorted after bin/\n"));
        String tree = as(token).body(Map.of("tree", entries)).post("/sandbox/github/repos/" + repo + "/git/trees")
                .then().statusCode(201).extract().path("sha");
        var author = Map.of("name", GitBinary.NAME, "email", GitBinary.EMAIL, "date", "2024-01-02T03:04:05Z");
        var commitBody = new LinkedHashMap<String, Object>();
        commitBody.put("message", "Deploy\n");
        commitBody.put("tree", tree);
        commitBody.put("parents", List.of());
        commitBody.put("author", author);
        commitBody.put("committer", author);
        String commit = as(token).body(commitBody).post("/sandbox/github/repos/" + repo + "/git/commits").then()
                .statusCode(201).extract().path("sha");

        GitBinary git = GitBinary.init();
        assertThat(text).isEqualTo(git.hashObject("hello, world\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(binary).isEqualTo(git.hashObject(BINARY));
        var index = new LinkedHashMap<String, String[]>();
        index.put("README.md", new String[] { "100644", text });
        index.put("images/logo.bin", new String[] { "100644", binary });
        index.put("über-uns.html", new String[] { "100644", git.hashObject(utf8("<h1>Über uns</h1>\n")) });
        index.put("bin/run.sh", new String[] { "100755", git.hashObject(utf8("#!/bin/sh\necho hi\n")) });
        index.put("bin-notes", new String[] { "100644", git.hashObject(utf8("sorted after bin/\n")) });
        String gitTree = git.writeTree(index);
        assertThat(tree).isEqualTo(gitTree);
        assertThat(commit).isEqualTo(git.commitTree(gitTree, "Deploy"));

        // The recursive listing is git's ls-tree -r -t.
        List<Map<String, Object>> listed = as(token).queryParam("recursive", "1")
                .get("/sandbox/github/repos/" + repo + "/git/trees/" + tree).then().statusCode(200).extract()
                .path("tree");
        assertThat(listed.stream().map(i -> (i.get("mode").equals("040000") ? "040000" : i.get("mode")) + " "
                + i.get("type") + " " + i.get("sha") + "\t" + i.get("path")).toList())
                .containsExactlyElementsOf(git.lsTree(gitTree));
    }

    @Test
    void treeChangesOnABaseTreeIncludingNullShaDeletesMatchGit() {
        String token = mint(login("base"));
        String repo = createRepository(token, "base", true, false);
        String base = as(token).body(Map.of("tree", List.of(
                Map.of("path", "a.txt", "mode", "100644", "type", "blob", "content", "a\n"),
                Map.of("path", "dir/b.txt", "mode", "100644", "type", "blob", "content", "b\n"))))
                .post("/sandbox/github/repos/" + repo + "/git/trees").then().statusCode(201).extract().path("sha");
        var delete = new LinkedHashMap<String, Object>();
        delete.put("path", "dir/b.txt");
        delete.put("mode", "100644");
        delete.put("type", "blob");
        delete.put("sha", null);
        String changed = as(token).body(Map.of("base_tree", base, "tree", List.of(delete,
                Map.of("path", "c.txt", "mode", "100644", "type", "blob", "content", "c\n"))))
                .post("/sandbox/github/repos/" + repo + "/git/trees").then().statusCode(201).extract().path("sha");
        GitBinary git = GitBinary.init();
        var index = new LinkedHashMap<String, String[]>();
        index.put("a.txt", new String[] { "100644", git.hashObject(utf8("a\n")) });
        index.put("c.txt", new String[] { "100644", git.hashObject(utf8("c\n")) });
        assertThat(changed).isEqualTo(git.writeTree(index));
    }

    @Test
    void refsTakeEitherSpellingButUpdatesMustFastForward() {
        String token = mint(login("refs"));
        String repo = createRepository(token, "refs", true, true);
        String initial = head(token, repo);
        // Octokit's spelling: RestAssured must not encode the '%' again.
        as(token).urlEncodingEnabled(false).get("/sandbox/github/repos/" + repo + "/git/ref/heads%2Fmain").then()
                .statusCode(200).body("ref", equalTo("refs/heads/main")).body("object.sha", equalTo(initial));
        String tree = as(token).get("/sandbox/github/repos/" + repo + "/git/commits/" + initial).then()
                .statusCode(200).extract().path("tree.sha");
        String child = commit(token, repo, tree, "child", initial);
        String sibling = commit(token, repo, tree, "sibling", initial);

        as(token).urlEncodingEnabled(false).body(Map.of("sha", child, "force", false))
                .patch("/sandbox/github/repos/" + repo + "/git/refs/heads%2Fmain").then().statusCode(200)
                .body("object.sha", equalTo(child));
        // The sibling does not descend from the new head: refused, the ref stays where it is.
        as(token).body(Map.of("sha", sibling))
                .patch("/sandbox/github/repos/" + repo + "/git/refs/heads/main").then().statusCode(422)
                .body("message", equalTo("Update is not a fast forward"));
        assertThat(head(token, repo)).isEqualTo(child);
        as(token).body(Map.of("sha", sibling, "force", true))
                .patch("/sandbox/github/repos/" + repo + "/git/refs/heads/main").then().statusCode(200);
        assertThat(head(token, repo)).isEqualTo(sibling);

        as(token).body(Map.of("ref", "refs/heads/feature", "sha", child))
                .post("/sandbox/github/repos/" + repo + "/git/refs").then().statusCode(201);
        as(token).body(Map.of("ref", "refs/heads/feature", "sha", child))
                .post("/sandbox/github/repos/" + repo + "/git/refs").then().statusCode(422)
                .body("message", equalTo("Reference already exists"));
        List<String> refs = as(token).get("/sandbox/github/repos/" + repo + "/git/matching-refs/heads").then()
                .statusCode(200).extract().path("ref");
        assertThat(refs).containsExactly("refs/heads/feature", "refs/heads/main");
    }

    @Test
    void onlyAnAutoInitialisedRepositoryHasTheGitDataApi() {
        String token = mint(login("empty"));
        String empty = createRepository(token, "empty", false, true);
        as(token).body(Map.of("content", "x", "encoding", "utf-8"))
                .post("/sandbox/github/repos/" + empty + "/git/blobs").then().statusCode(409)
                .body("message", equalTo("Git Repository is empty."));
        as(token).get("/sandbox/github/repos/" + empty + "/git/ref/heads/main").then().statusCode(409);

        String initialised = createRepository(token, "initialised", true, true);
        String head = head(token, initialised);
        as(token).get("/sandbox/github/repos/" + initialised + "/git/commits/" + head).then().statusCode(200)
                .body("parents.size()", equalTo(0)).body("message", equalTo("Initial commit"));
    }

    @Test
    void privateRepositoriesAreHiddenFromAllButThePlatformInstallation() {
        String owner = mint(login("owner"));
        String stranger = mint(login("stranger"));
        String repo = createRepository(owner, "secret", true, true);
        as(stranger).get("/sandbox/github/repos/" + repo).then().statusCode(404);
        sandbox().get("/sandbox/github/repos/" + repo).then().statusCode(404);
        sandbox().header("Authorization", "Bearer ghs_sandbox-platform-installation")
                .get("/sandbox/github/repos/" + repo).then().statusCode(200).body("private", equalTo(true));
        sandbox().header("Authorization", "Bearer ghs_sandbox-platform-installation").contentType("application/json")
                .body(Map.of("content", "x")).post("/sandbox/github/repos/" + repo + "/git/blobs").then()
                .statusCode(403);
        String open = createRepository(owner, "open", true, false);
        sandbox().get("/sandbox/github/repos/" + open).then().statusCode(200).body("private", equalTo(false));
        as(stranger).body(Map.of("content", "x")).post("/sandbox/github/repos/" + open + "/git/blobs").then()
                .statusCode(403);
        sandbox().header("Authorization", "Bearer github_pat_unknown").get("/sandbox/github/user").then()
                .statusCode(401).body("message", equalTo("Bad credentials"));
    }

    @Test
    void repositoryCreationFollowsGitHubsOwnershipRules() {
        String org = login("acme");
        String member = mint(login("member"), org);
        String outsider = mint(login("outsider"));
        as(member).body(Map.of("name", "site", "private", true, "auto_init", true))
                .post("/sandbox/github/orgs/" + org + "/repos").then().statusCode(201)
                .body("owner.type", equalTo("Organization")).body("full_name", equalTo(org + "/site"));
        as(outsider).body(Map.of("name", "site2")).post("/sandbox/github/orgs/" + org + "/repos").then()
                .statusCode(403);
        as(member).body(Map.of("name", "site")).post("/sandbox/github/orgs/" + org + "/repos").then()
                .statusCode(422).body("errors[0].message", equalTo("name already exists on this account"));
        as(member).body(Map.of("name", "my site!")).post("/sandbox/github/user/repos").then().statusCode(201)
                .body("name", equalTo("my-site-"));
    }

    private static String commit(String token, String repo, String tree, String message, String parent) {
        return as(token).body(Map.of("message", message, "tree", tree, "parents", List.of(parent)))
                .post("/sandbox/github/repos/" + repo + "/git/commits").then().statusCode(201).extract().path("sha");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
