#!/usr/bin/env bash
# On-demand benchmark of the deployment rate limiter (not part of ./mvnw verify).
# Runs, against one fresh redis-server on a free loopback port, in the same run:
#   1. our DeploymentRateLimiter (Quarkus reactive Redis client, EVALSHA of the production Lua), closed loop;
#   2. redis-benchmark running the very same Lua script with EVALSHA on random keys (-r);
# and prints admissions/s and p99 for both and the ratio.
# Env: REQUESTS (200000), CONCURRENCY (50), USERS (100000).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REQUESTS="${REQUESTS:-200000}"
CONCURRENCY="${CONCURRENCY:-50}"
USERS="${USERS:-100000}"
WORK="$(mktemp -d)"
REDIS_PID=""
cleanup() {
  if [[ -n "$REDIS_PID" ]]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "Installing redis-server and redis-tools from Debian..."
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server redis-tools >/dev/null
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --logfile "$WORK/redis.log" &
REDIS_PID=$!
for _ in $(seq 1 50); do redis-cli -p "$PORT" PING >/dev/null 2>&1 && break; sleep 0.1; done
echo "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$PORT"

echo "Building the gateway and the harness..."
(cd "$ROOT" && ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime)
CP="$ROOT/target/classes:$(cat "$WORK/cp.txt")"
javac -q -d "$WORK/classes" -cp "$CP" "$HERE/src/dev/deploygateway/bench/LimiterBench.java" 2>/dev/null \
  || javac -d "$WORK/classes" -cp "$CP" "$HERE/src/dev/deploygateway/bench/LimiterBench.java"
CP="$WORK/classes:$CP"

java -cp "$CP" 'dev.deploygateway.bench.LimiterBench$PrintScript' "$WORK/limiter.lua"
SHA="$(redis-cli -p "$PORT" SCRIPT LOAD "$(cat "$WORK/limiter.lua")")"
echo "script sha1 $SHA"

echo "--- ours: DeploymentRateLimiter.admit, $REQUESTS requests, $CONCURRENCY in flight, $USERS users"
timeout 900 java -cp "$CP" dev.deploygateway.bench.LimiterBench "$PORT" "$REQUESTS" "$CONCURRENCY" "$USERS" \
  >"$WORK/ours.txt" 2>"$WORK/ours.err" || { echo "harness failed:"; tail -20 "$WORK/ours.err"; exit 1; }
OURS="$(grep '^ours' "$WORK/ours.txt")"
echo "$OURS"
redis-cli -p "$PORT" FLUSHALL >/dev/null

echo "--- redis-benchmark: EVALSHA of the same script, -c $CONCURRENCY -n $REQUESTS -r $USERS"
BENCH="$(redis-benchmark -p "$PORT" -c "$CONCURRENCY" -n "$REQUESTS" -r "$USERS" --csv \
  EVALSHA "$SHA" 1 '{user:__rand_int__}:ratelimit:deploy' admit 'dpl___rand_int__' 3600000 10 | tail -1)"
echo "$BENCH"

OURS_RPS="$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$OURS")"
OURS_P99="$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$OURS")"
RB_RPS="$(tr -d '"' <<<"$BENCH" | cut -d, -f2)"
RB_P99="$(tr -d '"' <<<"$BENCH" | cut -d, -f7)"
echo "=== summary"
printf '%-34s %12s %10s\n' "" "admissions/s" "p99 (ms)"
printf '%-34s %12.0f %10.3f\n' "ours (Quarkus client + Lua)" "$OURS_RPS" "$OURS_P99"
printf '%-34s %12.0f %10.3f\n' "redis-benchmark (same Lua)" "$RB_RPS" "$RB_P99"
python3 -c "print('ratio ours/redis-benchmark: throughput %.2f, p99 %.2f' % ($OURS_RPS/$RB_RPS, $OURS_P99/$RB_P99))"
