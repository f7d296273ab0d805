package dev.deploygateway.sandbox;

/**
 * Where the test JVM's sandbox site server listens: the port the build reserved and passes as the system property
 * {@code sandbox.sites.port} (pom.xml), which the app's config reads too.
 */
public final class SandboxSiteUrls {

    private SandboxSiteUrls() {
    }

    public static String origin() {
        return "http://localhost:" + Integer.getInteger("sandbox.sites.port", 8081);
    }

    /** The root of a Vercel deployment's site, {@code host} being its {@code url} or an alias. */
    public static String vercel(String host) {
        return origin() + "/vercel/" + host + "/";
    }

    /** The root of a Railway service domain's site. */
    public static String railway(String domain) {
        return origin() + "/railway/" + domain + "/";
    }
}
