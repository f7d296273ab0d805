/**
 * The platform SPI: {@link dev.deploygateway.platform.DeploymentPlatform}, what every hosting platform
 * implements, with its capability flags, value types, the normalised {@link dev.deploygateway.platform.PlatformState}
 * and {@link dev.deploygateway.platform.PlatformEvent}, and the error type
 * {@link dev.deploygateway.platform.PlatformException}. One subpackage per platform holds its REST/GraphQL
 * client and its <em>one</em> state-mapping table; unknown platform states are logged there, never silently
 * mapped to "queued".
 *
 * <p>Rules: every operation takes the caller's {@link dev.deploygateway.platform.PlatformCredential}; clients
 * are stateless; only idempotent calls are retried (GETs, content-addressed uploads), a 429 is waited out
 * (bounded) because the platform did not act on it; everything else surfaces as a {@code PlatformException}.
 *
 * <p>How the other platforms fit the same SPI (platform-contracts.md §2–§5):
 * <ul>
 * <li><b>Railway</b> (GraphQL + tarball + websocket logs): capabilities {@code OAUTH + API_TOKEN},
 * source {@code TARBALL}, refresh (rotating), database, cancel, redeploy, rollback, live logs.
 * {@code findOrCreateProject} = {@code projects(workspaceId)} lookup (names are not unique, so the check is
 * client-side) then {@code projectCreate} + {@code serviceCreate};
 * {@link dev.deploygateway.platform.PlatformProject#id()} encodes project, environment and service ids.
 * {@code prepareSource} checks the tarball size; {@code deploy}
 * builds the gzip tar from the bundle and POSTs it to {@code /project/{p}/environment/{e}/up}, which both
 * stores the snapshot and queues the build (hence upload+trigger are one SPI call). {@code setEnvironment}
 * uses {@code variableCollectionUpsert(skipDeploys:true)} so env is in place before the first build.
 * {@code events} subscribes to {@code buildLogs}/{@code deployment} over graphql-transport-ws, de-duplicates
 * the backlog replay by timestamp, and resumes with {@code startDate} after a drop. {@code provisionDatabase}
 * is {@code templateDeployV2("postgres")} + {@code ${{Postgres.DATABASE_URL}}} wiring.</li>
 * <li><b>Render</b> (API key only, git source only): capabilities {@code API_TOKEN}, source {@code GIT},
 * no refresh/revoke (the user manages keys), database ({@code POST /v1/postgres}), cancel, redeploy,
 * rollback, live logs (logs websocket) or polling. The OAuth methods keep their "unsupported" defaults.
 * {@code verify} = {@code GET /v1/owners} (owners become {@code Team}s). {@code deploy} first pushes the bundle
 * to a repository the user authorised (the GitHub platform client, reusing the same
 * {@link dev.deploygateway.scaffold.SourceBundle}), then creates the service from it (which starts the first
 * deploy) or {@code POST /v1/services/{id}/deploys} with the commit id.</li>
 * <li><b>Netlify</b> fits Vercel's shape (digest deploy + upload of {@code required} files); <b>Fly.io</b>
 * needs an image, i.e. a {@code SourceKind} to be added when it comes.</li>
 * </ul>
 */
package dev.deploygateway.platform;
