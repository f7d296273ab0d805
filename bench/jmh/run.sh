#!/usr/bin/env sh
# Builds and runs the TokenCipher vs raw JCE benchmark (about two minutes). Extra arguments go to JMH,
# e.g. `bench/jmh/run.sh -f 2 -i 10` for a longer, steadier run.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -f bench/jmh/pom.xml package
exec java -cp bench/jmh/target/benchmarks.jar dev.deploygateway.bench.CompareToJce "$@"
