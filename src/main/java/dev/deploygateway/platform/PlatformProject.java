package dev.deploygateway.platform;

/**
 * A project (Vercel), project+service (Railway) or service (Render) on the platform.
 *
 * @param created true when this call created it, false when an existing one of the same name was reused
 */
public record PlatformProject(String id, String name, boolean created) {
}
