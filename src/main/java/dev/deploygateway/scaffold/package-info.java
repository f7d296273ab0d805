/**
 * The uploaded project as a value: {@link dev.deploygateway.scaffold.SourceBundle} holds files as normalised
 * relative paths mapped to their exact bytes, with each file's SHA-1 digest (the content address platforms
 * such as Vercel and Netlify deduplicate on). This package owns path safety for that value; archive parsing
 * (JSON files map, zip, tar.gz), request-level limits and tarball building are added here later.
 */
package dev.deploygateway.scaffold;
