/**
 * The uploaded project as a value and its intake. {@link dev.deploygateway.scaffold.SourceBundle} holds files as
 * normalised relative paths mapped to their exact bytes, with each file's SHA-1 digest (the content address
 * platforms such as Vercel and Netlify deduplicate on). {@link dev.deploygateway.scaffold.ScaffoldReader} builds
 * one from a JSON files map, a .zip or a .tar.gz, enforcing path safety and the count/size/ratio limits while
 * streaming, and refusing bad input with {@link dev.deploygateway.scaffold.ScaffoldRejectedException} (400/413).
 * {@link dev.deploygateway.scaffold.EnvVarRules} checks a deployment's environment variables the same way, and
 * {@link dev.deploygateway.scaffold.SampleScaffolds} serves the bundled sample projects. See docs/scaffold.md.
 */
package dev.deploygateway.scaffold;
