package dev.deploygateway.source;

import java.util.Optional;

import dev.deploygateway.connection.Connectable;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.scaffold.SourceBundle;
import io.smallrye.mutiny.Uni;

/**
 * A git host that platforms which only build from git (Render; later Netlify or Amplify git builds) read the
 * project from. The gateway pushes a project to a repository the user owns, as one commit, and the platform builds
 * that commit. A user connects a source host like a platform, through the connection room ({@link Connectable}: an
 * id, {@code API_TOKEN} and {@code GIT_PUSH} capabilities, an optional OAuth flow, {@code verify}), but never deploys
 * to it. Implementations are stateless beans: the credential travels in each call.
 */
public interface SourceHost extends Connectable {

    @Override
    default Kind kind() {
        return Kind.SOURCE_HOST;
    }

    /** Who a token belongs to (and the organisations it may create repositories in, where known). */
    @Override
    Uni<PlatformAccount> verify(PlatformCredential credential);

    /**
     * The host's naming rule when {@code target} breaks it (repository, owner or branch name), checked locally before
     * anything is stored or sent; empty when well formed.
     */
    Optional<String> targetProblem(RepositoryTarget target);

    /**
     * Puts {@code bundle} on the target branch as one commit on top of what it holds (the branch is created when
     * missing, the repository too, private unless the target says otherwise). A snapshot identical to the branch's
     * makes no commit. The branch moves only forward: if it changed meanwhile, the push fails without overwriting.
     */
    Uni<PushedCommit> push(PlatformCredential credential, RepositoryTarget target, SourceBundle bundle, String message,
            UploadProgress progress);
}
