/**
 * The sandboxes' stand-in for the hosts that serve what users deploy ({@code *.vercel.app}, {@code *.up.railway.app}):
 * one Vert.x HTTP server on its own port ({@code sandbox.sites.port}), so user-deployed pages never run on the
 * gateway's origin, answered with a restrictive Content-Security-Policy that also sandboxes every page into an opaque
 * origin. Each platform sandbox contributes a {@link dev.deploygateway.sandbox.sites.SiteSource}. Part of "the outside
 * world": it imports nothing of the gateway.
 */
package dev.deploygateway.sandbox.sites;
