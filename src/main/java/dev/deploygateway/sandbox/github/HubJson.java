package dev.deploygateway.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's answers in the shapes of GitHub's OpenAPI document ({@code contracts/github/openapi-subset.json}):
 * {@code private-user}, {@code simple-user}, {@code full-repository}, {@code git-commit}, {@code git-tree},
 * {@code git-ref}, {@code blob}, {@code short-blob}, with every member the document requires. API URLs point at the
 * sandbox ({@code api}); web URLs are github.com's, as Render and other platforms expect a repository URL to be.
 */
final class HubJson {

    static final String WEB = "https://github.com";

    private HubJson() {
    }

    static Map<String, Object> simpleUser(String api, HubAccounts.Owner owner) {
        var json = new LinkedHashMap<String, Object>();
        String self = api + (owner.organization() ? "/orgs/" : "/users/") + owner.login();
        json.put("login", owner.login());
        json.put("id", owner.id());
        json.put("node_id", nodeId(owner.organization() ? "O_" : "U_", owner.id()));
        json.put("avatar_url", "https://avatars.githubusercontent.com/u/" + owner.id() + "?v=4");
        json.put("gravatar_id", "");
        json.put("url", self);
        json.put("html_url", WEB + "/" + owner.login());
        json.put("followers_url", self + "/followers");
        json.put("following_url", self + "/following{/other_user}");
        json.put("gists_url", self + "/gists{/gist_id}");
        json.put("starred_url", self + "/starred{/owner}{/repo}");
        json.put("subscriptions_url", self + "/subscriptions");
        json.put("organizations_url", self + "/orgs");
        json.put("repos_url", self + "/repos");
        json.put("events_url", self + "/events{/privacy}");
        json.put("received_events_url", self + "/received_events");
        json.put("type", owner.type());
        json.put("user_view_type", "public");
        json.put("site_admin", false);
        return json;
    }

    /** {@code GET /user}: the authenticated user's {@code private-user}. */
    static Map<String, Object> privateUser(String api, HubAccounts.User user, int publicRepos, int privateRepos) {
        var json = simpleUser(api, user.owner());
        json.put("user_view_type", "private");
        json.put("name", user.name());
        json.put("company", null);
        json.put("blog", "");
        json.put("location", null);
        json.put("email", user.email());
        json.put("hireable", null);
        json.put("bio", null);
        json.put("twitter_username", null);
        json.put("public_repos", publicRepos);
        json.put("public_gists", 0);
        json.put("followers", 0);
        json.put("following", 0);
        json.put("created_at", time(user.createdAt()));
        json.put("updated_at", time(user.createdAt()));
        json.put("private_gists", 0);
        json.put("total_private_repos", privateRepos);
        json.put("owned_private_repos", privateRepos);
        json.put("disk_usage", 0);
        json.put("collaborators", 0);
        json.put("two_factor_authentication", true);
        return json;
    }

    /** {@code full-repository}, with the caller's {@code permissions}. */
    static Map<String, Object> repository(String api, HubRepository repo, boolean canWrite) {
        String self = api + "/repos/" + repo.fullName();
        String web = WEB + "/" + repo.fullName();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", repo.id);
        json.put("node_id", nodeId("R_", repo.id));
        json.put("name", repo.name);
        json.put("full_name", repo.fullName());
        json.put("owner", simpleUser(api, repo.owner));
        json.put("private", repo.privateRepository);
        json.put("html_url", web);
        json.put("description", repo.description);
        json.put("fork", false);
        json.put("url", self);
        String[][] templates = { { "archive_url", "/{archive_format}{/ref}" }, { "assignees_url", "/assignees{/user}" },
                { "blobs_url", "/git/blobs{/sha}" }, { "branches_url", "/branches{/branch}" },
                { "collaborators_url", "/collaborators{/collaborator}" }, { "comments_url", "/comments{/number}" },
                { "commits_url", "/commits{/sha}" }, { "compare_url", "/compare/{base}...{head}" },
                { "contents_url", "/contents/{+path}" }, { "contributors_url", "/contributors" },
                { "deployments_url", "/deployments" }, { "downloads_url", "/downloads" }, { "events_url", "/events" },
                { "forks_url", "/forks" }, { "git_commits_url", "/git/commits{/sha}" },
                { "git_refs_url", "/git/refs{/sha}" }, { "git_tags_url", "/git/tags{/sha}" }, { "hooks_url", "/hooks" },
                { "issue_comment_url", "/issues/comments{/number}" }, { "issue_events_url", "/issues/events{/number}" },
                { "issues_url", "/issues{/number}" }, { "keys_url", "/keys{/key_id}" },
                { "labels_url", "/labels{/name}" },
                { "languages_url", "/languages" }, { "merges_url", "/merges" },
                { "milestones_url", "/milestones{/number}" },
                { "notifications_url", "/notifications{?since,all,participating}" }, { "pulls_url", "/pulls{/number}" },
                { "releases_url", "/releases{/id}" }, { "stargazers_url", "/stargazers" },
                { "statuses_url", "/statuses/{sha}" }, { "subscribers_url", "/subscribers" },
                { "subscription_url", "/subscription" }, { "tags_url", "/tags" }, { "teams_url", "/teams" },
                { "trees_url", "/git/trees{/sha}" } };
        for (String[] t : templates) {
            json.put(t[0], self + t[1]);
        }
        json.put("clone_url", web + ".git");
        json.put("git_url", "git://github.com/" + repo.fullName() + ".git");
        json.put("ssh_url", "git@github.com:" + repo.fullName() + ".git");
        json.put("svn_url", web);
        json.put("mirror_url", null);
        json.put("homepage", null);
        json.put("language", null);
        for (String count : List.of("forks_count", "stargazers_count", "watchers_count", "open_issues_count",
                "forks", "open_issues", "watchers", "network_count", "subscribers_count")) {
            json.put(count, 0);
        }
        json.put("size", repo.sizeKb());
        json.put("default_branch", repo.defaultBranch);
        json.put("is_template", false);
        json.put("topics", List.of());
        for (String flag : List.of("has_issues", "has_projects", "has_wiki", "has_downloads")) {
            json.put(flag, true);
        }
        json.put("has_pages", false);
        json.put("has_discussions", false);
        json.put("archived", false);
        json.put("disabled", false);
        json.put("visibility", repo.privateRepository ? "private" : "public");
        json.put("pushed_at", time(repo.pushedAt));
        json.put("created_at", time(repo.createdAt));
        json.put("updated_at", time(repo.updatedAt));
        json.put("permissions", Map.of("admin", canWrite, "maintain", canWrite, "push", canWrite, "triage",
                canWrite, "pull", true));
        json.put("allow_forking", true);
        json.put("web_commit_signoff_required", false);
        json.put("license", null);
        if (repo.owner.organization()) {
            json.put("organization", simpleUser(api, repo.owner));
        }
        return json;
    }

    static Map<String, Object> commit(String api, HubRepository repo, String sha, HubGit.Commit commit) {
        String base = api + "/repos/" + repo.fullName();
        var json = new LinkedHashMap<String, Object>();
        json.put("sha", sha);
        json.put("node_id", "C_" + sha.substring(0, 20));
        json.put("url", base + "/git/commits/" + sha);
        json.put("html_url", WEB + "/" + repo.fullName() + "/commit/" + sha);
        json.put("author", person(commit.author()));
        json.put("committer", person(commit.committer()));
        json.put("tree", Map.of("sha", commit.tree(), "url", base + "/git/trees/" + commit.tree()));
        json.put("message", commit.message());
        json.put("parents", commit.parents().stream().map(p -> Map.of("sha", p, "url", base + "/git/commits/" + p,
                "html_url", WEB + "/" + repo.fullName() + "/commit/" + p)).toList());
        var verification = new LinkedHashMap<String, Object>();
        verification.put("verified", false);
        verification.put("reason", "unsigned");
        verification.put("signature", null);
        verification.put("payload", null);
        verification.put("verified_at", null);
        json.put("verification", verification);
        return json;
    }

    /** One {@code git-tree} item; {@code size} only for blobs. */
    static Map<String, Object> treeItem(String api, HubRepository repo, String path, HubGit.Entry entry,
            Long size) {
        var item = new LinkedHashMap<String, Object>();
        item.put("path", path);
        item.put("mode", entry.apiMode());
        item.put("type", entry.kind().wire());
        item.put("sha", entry.sha());
        if (size != null) {
            item.put("size", size);
        }
        item.put("url", api + "/repos/" + repo.fullName() + "/git/" + entry.kind().wire() + "s/" + entry.sha());
        return item;
    }

    static Map<String, Object> tree(String api, HubRepository repo, String sha, List<Map<String, Object>> items,
            boolean truncated) {
        var json = new LinkedHashMap<String, Object>();
        json.put("sha", sha);
        json.put("url", api + "/repos/" + repo.fullName() + "/git/trees/" + sha);
        json.put("tree", items);
        json.put("truncated", truncated);
        return json;
    }

    static Map<String, Object> ref(String api, HubRepository repo, String fullRef, String sha) {
        String base = api + "/repos/" + repo.fullName();
        var json = new LinkedHashMap<String, Object>();
        json.put("ref", fullRef);
        json.put("node_id", "REF_" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                (repo.id + ":" + fullRef).getBytes(StandardCharsets.UTF_8)));
        json.put("url", base + "/git/" + fullRef);
        json.put("object", Map.of("type", "commit", "sha", sha, "url", base + "/git/commits/" + sha));
        return json;
    }

    static Map<String, Object> shortBlob(String api, HubRepository repo, String sha) {
        return Map.of("url", api + "/repos/" + repo.fullName() + "/git/blobs/" + sha, "sha", sha);
    }

    static Map<String, Object> blob(String api, HubRepository repo, String sha, byte[] content) {
        var json = new LinkedHashMap<String, Object>();
        // GitHub wraps the base64 text at 60 characters per line.
        json.put("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(content) + (content.length == 0 ? "" : "\n"));
        json.put("encoding", "base64");
        json.put("url", api + "/repos/" + repo.fullName() + "/git/blobs/" + sha);
        json.put("sha", sha);
        json.put("size", content.length);
        json.put("node_id", "B_" + sha.substring(0, 20));
        return json;
    }

    private static Map<String, Object> person(HubGit.Person person) {
        return Map.of("name", person.name(), "email", person.email(), "date", time(person.when()));
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String nodeId(String prefix, long id) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
