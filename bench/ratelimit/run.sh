#!/usr/bin/env bash
# On-demand benchmark of the deployment rate limiter (not part of ./mvnw verify); see bench/ratelimit/README.md.
# One run, one fresh redis-server on a free loopback port (persistence off), measured side by side:
#   1+2. ROUNDS alternating pairs of
#        in-process: DeploymentRateLimiter.admit through RedisStore.over(...) (EVALSHA of the production Lua), and
#        redis-benchmark running the byte-identical script (same SHA-1) at the same concurrency;
#   3.   over HTTP: POST /api/v1/deployments with HTTP_CLIENTS requests in flight for HTTP_SECONDS against one
#        packaged gateway (demo profile, this Redis, in-app Vercel sandbox), many users, a small per-user limit;
#   4.   redis-benchmark again, at HTTP_CLIENTS connections with the HTTP run's users and limit;
# then prints one summary table with the ratios.
# Env (defaults): REQUESTS (50000 per round) WARMUP (100000 per round) CONCURRENCY (50) USERS (100000) LIMIT (10)
#      POOL_SIZE (32) ROUNDS (3) HTTP_SECONDS (30) HTTP_CLIENTS (1000) HTTP_USERS (1000) HTTP_LIMIT (2)
#      HTTP_WARMUP_SECONDS (15) HTTP_WARMUP_USERS (100) HTTP_SETTLE_SECONDS (60) APP_JAVA_OPTS (-Xmx1g)
#      CLIENT_JAVA_OPTS (-Xmx1g) HTTP_CLIENT_JAVA_OPTS (-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC).
#      The app also inherits its own variables (e.g. REDIS_MAX_POOL_SIZE, REDIS_COMMAND_TIMEOUT) from this environment.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REQUESTS="${REQUESTS:-50000}"
WARMUP="${WARMUP:-100000}"
CONCURRENCY="${CONCURRENCY:-50}"
USERS="${USERS:-100000}"
LIMIT="${LIMIT:-10}"
POOL_SIZE="${POOL_SIZE:-32}"
ROUNDS="${ROUNDS:-3}"
HTTP_SECONDS="${HTTP_SECONDS:-30}"
HTTP_CLIENTS="${HTTP_CLIENTS:-1000}"
HTTP_USERS="${HTTP_USERS:-1000}"
HTTP_LIMIT="${HTTP_LIMIT:-2}"
HTTP_WARMUP_SECONDS="${HTTP_WARMUP_SECONDS:-15}"
HTTP_WARMUP_USERS="${HTTP_WARMUP_USERS:-100}"
HTTP_SETTLE_SECONDS="${HTTP_SETTLE_SECONDS:-60}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xmx1g}"
CLIENT_JAVA_OPTS="${CLIENT_JAVA_OPTS:--Xmx1g}"
# The HTTP load generator is not what is measured: C1 only and the serial GC keep its CPU (it shares the cores
# with the app) low; the in-process harness, which is what is measured, runs with the JVM's defaults.
HTTP_CLIENT_JAVA_OPTS="${HTTP_CLIENT_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
WINDOW_MS=3600000 # both limiters run with a one-hour window (the app's default RATE_LIMIT_WINDOW)

WORK="$(mktemp -d)"
REDIS_PID=""
APP_PID=""
PROBE_PID=""
stop() { # stop <pid>: TERM, wait up to 10 s, then KILL
  local pid="$1"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then return 0; fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
LOGS="$ROOT/target/bench-ratelimit" # the last run's logs and raw outputs, kept for evidence (target/ is ignored)
cleanup() {
  stop "$PROBE_PID"
  stop "$APP_PID"
  stop "$REDIS_PID"
  rm -rf "$LOGS"; mkdir -p "$LOGS"
  find "$WORK" -maxdepth 1 -type f \( -name '*.log' -o -name '*.txt' -o -name '*.err' \) -exec cp {} "$LOGS" \;
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Every request in flight is one socket in the app and one in the client (redis-benchmark: one per connection).
NEED=$((HTTP_CLIENTS * 2 + 1000))
if (( $(ulimit -n) < NEED )); then ulimit -n "$NEED" 2>/dev/null || ulimit -n "$(ulimit -Hn)"; fi

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "Installing redis-server and redis-tools from Debian..."
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server redis-tools >/dev/null
fi

# One packaged jar serves the HTTP run and, through its lib/ directory, the in-process harness's classpath.
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
  echo "Packaging the gateway (./mvnw -B -q package -DskipTests)..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
APP="$ROOT/target/quarkus-app"
CP="$(find "$APP/app" -name '*.jar' -printf '%p:')$APP/lib/main/*:$APP/lib/boot/*"
javac -nowarn -d "$WORK/classes" -cp "$CP" "$HERE"/src/dev/deploygateway/bench/*.java
CP="$WORK/classes:$CP"

REDIS_PORT="$(free_port)"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  --maxclients $((HTTP_CLIENTS + 1000)) --logfile "$WORK/redis.log" &
REDIS_PID=$!
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" PING >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" PING >/dev/null || { echo "redis-server did not start:"; cat "$WORK/redis.log"; exit 1; }
echo "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT"

# The limiter's own script, byte for byte: the SHA-1 the store's EVALSHA names must be what Redis computes.
OURS_SHA="$(java -cp "$CP" 'dev.deploygateway.bench.LimiterBench$PrintScript' "$WORK/limiter.lua")"
SHA="$(redis-cli -p "$REDIS_PORT" -x SCRIPT LOAD <"$WORK/limiter.lua")"
[[ "$SHA" == "$OURS_SHA" ]] || { echo "script mismatch: store sha1 $OURS_SHA, redis $SHA"; exit 1; }
echo "script sha1 $SHA (SlidingWindowScript.SCRIPT, $(wc -c <"$WORK/limiter.lua") bytes)"

rb() { # rb <clients> <users> <limit>: redis-benchmark EVALSHA of the script on an empty keyspace, one CSV line
  # (name, rps, avg, min, p50, p95, p99, max latency ms) plus its own CPU time per request in microseconds.
  redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null
  redis-cli -p "$REDIS_PORT" -x SCRIPT LOAD <"$WORK/limiter.lua" >/dev/null
  local TIMEFORMAT='%U %S'
  { time redis-benchmark -p "$REDIS_PORT" -c "$1" -n "$REQUESTS" -r "$2" --csv \
      EVALSHA "$SHA" 1 '{user:__rand_int__}:ratelimit:deploy' admit 'dpl___rand_int__' "$WINDOW_MS" "$3" \
      >"$WORK/rb.csv"; } 2>"$WORK/rb.time"
  echo "redis-benchmark,$(tail -1 "$WORK/rb.csv" | tr -d '"' | cut -d, -f2-),$(awk -v n="$REQUESTS" \
    '{ printf "%.1f", ($1 + $2) * 1e6 / n }' "$WORK/rb.time")"
}

echo "--- 1+2. $ROUNDS rounds of: in-process DeploymentRateLimiter.admit ($REQUESTS admissions after $WARMUP unmeasured," \
  "$CONCURRENCY in flight, pool $POOL_SIZE), then redis-benchmark (same script, -c $CONCURRENCY -n $REQUESTS);" \
  "$USERS users, limit $LIMIT"
: >"$WORK/ours.txt"; : >"$WORK/rb1.txt"
for _ in $(seq 1 "$ROUNDS"); do
  redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null
  # shellcheck disable=SC2086
  timeout 900 java $CLIENT_JAVA_OPTS -cp "$CP" dev.deploygateway.bench.LimiterBench "$REDIS_PORT" "$REQUESTS" \
    "$CONCURRENCY" "$USERS" "$POOL_SIZE" "$LIMIT" "$WARMUP" >"$WORK/ours.out" 2>"$WORK/ours.err" \
    || { echo "in-process harness failed:"; tail -20 "$WORK/ours.err"; exit 1; }
  grep '^ours' "$WORK/ours.out" | tee -a "$WORK/ours.txt"
  rb "$CONCURRENCY" "$USERS" "$LIMIT" | tee -a "$WORK/rb1.txt"
done

echo "--- 3. HTTP: POST /api/v1/deployments for $HTTP_SECONDS s, $HTTP_CLIENTS in flight, $HTTP_USERS users," \
  "limit $HTTP_LIMIT (after a $HTTP_WARMUP_SECONDS s warm-up on $HTTP_WARMUP_USERS other users)"
redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null
# Evidence for any 503 STORE_UNAVAILABLE (the app's command timeout is measured inside the app): Redis's own view
# of slow commands and stalls, and an outside client's PING round trips, while the app is loaded.
redis-cli -p "$REDIS_PORT" CONFIG SET slowlog-log-slower-than 10000 >/dev/null
redis-cli -p "$REDIS_PORT" CONFIG SET latency-monitor-threshold 50 >/dev/null
redis-cli -p "$REDIS_PORT" SLOWLOG RESET >/dev/null
APP_PORT="$(free_port)"
SITES_PORT="$(free_port)"
MANAGEMENT_PORT="$(free_port)"
BASE="http://127.0.0.1:$APP_PORT"
# A packaged jar serves health and metrics on its management port, not on PORT.
MANAGEMENT="http://127.0.0.1:$MANAGEMENT_PORT"
# shellcheck disable=SC2086
QUARKUS_PROFILE=demo PORT="$APP_PORT" MANAGEMENT_PORT="$MANAGEMENT_PORT" SANDBOX_SITES_PORT="$SITES_PORT" \
  ALLOWED_ORIGINS="$BASE" \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT" TOKEN_ENCRYPTION_KEY="$(openssl rand -hex 32)" \
  JWT_PUBLIC_KEY_LOCATION="file://$ROOT/src/test/resources/test-keys/public.pem" \
  MAX_DEPLOYMENTS_PER_HOUR="$HTTP_LIMIT" QUARKUS_LOG_CONSOLE_LEVEL=WARN SANDBOX_VERCEL_MAX_DEPLOYMENTS=100000 \
  java $APP_JAVA_OPTS -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -sf "$MANAGEMENT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "gateway exited:"; tail -30 "$WORK/app.log"; exit 1; }
  sleep 0.5
done
curl -sf "$MANAGEMENT/q/health/ready" >/dev/null || { echo "gateway not ready:"; tail -30 "$WORK/app.log"; exit 1; }
echo "gateway pid $APP_PID on $BASE (QUARKUS_PROFILE=demo, MAX_DEPLOYMENTS_PER_HOUR=$HTTP_LIMIT, $APP_JAVA_OPTS)"
# Not on a terminal, --latency-history prints "min max avg count" after every PING (10 ms apart), per 5 s window.
redis-cli -p "$REDIS_PORT" --latency-history -i 5 >"$WORK/probe.txt" 2>&1 &
PROBE_PID=$!
# shellcheck disable=SC2086
timeout 900 java $HTTP_CLIENT_JAVA_OPTS -cp "$WORK/classes" dev.deploygateway.bench.HttpBench "$BASE" \
  "$ROOT/src/test/resources/test-keys/private.pem" "$HTTP_USERS" "$HTTP_CLIENTS" "$HTTP_SECONDS" \
  "$HTTP_WARMUP_USERS" "$HTTP_WARMUP_SECONDS" "$APP_PID" >"$WORK/http.txt" 2>"$WORK/http.err" \
  || { echo "HTTP harness failed:"; tail -20 "$WORK/http.err"; echo "gateway log tail:"; tail -30 "$WORK/app.log"; exit 1; }
cat "$WORK/http.err" "$WORK/http.txt"
grep -q "^http " "$WORK/http.txt" || { echo "HTTP harness printed no result"; exit 1; }
echo "gateway store/limiter meters after the run (/q/metrics):"
curl -sf "$MANAGEMENT/q/metrics" | grep -E '^gateway_(store|ratelimit)' | grep -v '_max\|_bucket' | sort | sed 's/^/  /' || true
stop "$PROBE_PID"; PROBE_PID=""
# What became of the accepted deployments (all users of the run): give their pipelines up to HTTP_SETTLE_SECONDS
# to finish against the sandbox, then count the records by status and error code (one script on the server); for
# failed ones also whether the platform was called and whether the user's rate-limit slot is still taken (the
# pipeline refunds a deployment that failed before any platform call).
for _ in $(seq 1 "$HTTP_SETTLE_SECONDS"); do
  [[ "$(redis-cli -p "$REDIS_PORT" ZCARD deployments:active)" == 0 ]] && break
  sleep 1
done
echo "deployments still active after up to $HTTP_SETTLE_SECONDS s: $(redis-cli -p "$REDIS_PORT" ZCARD deployments:active);" \
  "records by status (failed ones: error code and step, platform called?, rate-limit slot | first message):"
redis-cli -p "$REDIS_PORT" EVAL "
  local t, example = {}, {}
  for _, k in ipairs(redis.call('KEYS', '{user:*}:deployment:*:record')) do
    local f = redis.call('HMGET', k, 'status', 'error', 'platformCalled', 'userId', 'id')
    local s = f[1] or '?'
    if f[2] then
      local e = cjson.decode(f[2])
      local held = redis.call('ZSCORE', '{user:' .. f[4] .. '}:ratelimit:deploy', f[5])
      s = s .. ' ' .. tostring(e.code) .. ' in ' .. tostring(e.step) .. ', platform '
        .. (f[3] == 'true' and 'called' or 'not called') .. ', slot ' .. (held and 'held' or 'refunded')
      example[s] = example[s] or string.sub(tostring(e.message), 1, 140)
    end
    t[s] = (t[s] or 0) + 1
  end
  local out = {}
  for s, n in pairs(t) do out[#out + 1] = n .. ' ' .. s .. (example[s] and (' | ' .. example[s]) or '') end
  table.sort(out)
  return out" 0 | sed 's/^/  /'
# What the app logged while running (load + settle), apart from what it logs while shutting down.
head -n "$(wc -l <"$WORK/app.log")" "$WORK/app.log" >"$WORK/app-running.log"
stop "$APP_PID"; APP_PID=""
echo "redis during the HTTP run: $(awk '$2 > m { m = $2 } END { print NR " PINGs from redis-cli, slowest " m " ms" }' \
  "$WORK/probe.txt"); commands slower than 10 ms: $(redis-cli -p "$REDIS_PORT" SLOWLOG LEN);" \
  "latency events >= 50 ms: $(redis-cli -p "$REDIS_PORT" LATENCY LATEST | paste -sd' ' -)"
kinds() { # kinds <log>: WARN/ERROR lines grouped by message, ids and thread names blanked
  grep -E ' (ERROR|WARN) ' "$1" | cut -d' ' -f2- | sed -E 's/dep_[0-9a-f]+/dep_…/g; s/ \((vert\.x-eventloop-thread|executor-thread)-[0-9]+\)//' \
    | cut -c1-220 | sort | uniq -c | sort -rn | head -12 | sed 's/^/  /'
}
echo "gateway WARN/ERROR lines while running (load + settle): $(grep -cE ' (ERROR|WARN) ' "$WORK/app-running.log" || true), by kind:"
kinds "$WORK/app-running.log" || true
SHUTDOWN_LINES="$(tail -n +"$(( $(wc -l <"$WORK/app-running.log") + 1 ))" "$WORK/app.log" | grep -cE ' (ERROR|WARN) ' || true)"
echo "gateway WARN/ERROR lines while shutting down: $SHUTDOWN_LINES"

echo "--- 4. redis-benchmark: EVALSHA of the same script, -c $HTTP_CLIENTS -n $REQUESTS -r $HTTP_USERS, limit $HTTP_LIMIT"
RB2="$(rb "$HTTP_CLIENTS" "$HTTP_USERS" "$HTTP_LIMIT")"
echo "$RB2"

echo
echo "=== summary ($(date -u +%FT%TZ), $(nproc) cores,$(uptime | sed 's/.*load average/ load average/'))"
python3 - "$WORK/ours.txt" "$WORK/rb1.txt" "$WORK/http.txt" "$RB2" "$CONCURRENCY" "$HTTP_CLIENTS" "$(nproc)" <<'EOF'
import statistics, sys
ours_file, rb1_file, http_file, rb2, c, hc, cores = sys.argv[1:]
kv = lambda line: dict(p.split("=", 1) for p in line.split()[1:])
# redis-benchmark lines: name, rps, avg, min, p50, p95, p99, max (ms), client CPU us per request
csv = lambda line: dict(zip(("rps", "avg", "min", "p50_ms", "p95", "p99_ms", "max", "cpu_us"),
                            (float(x) for x in line.split(",")[1:])))
ours = [{k: float(v) for k, v in kv(l).items()} for l in open(ours_file).read().splitlines()]
rb1 = [csv(l) for l in open(rb1_file).read().splitlines()]
http_lines = open(http_file).read().splitlines()
h = {k: float(v) for k, v in kv(next(l for l in http_lines if l.startswith("http "))).items()}
statuses = [l.split(" ", 1)[1].rsplit(" ", 1) for l in http_lines if l.startswith("status ")]
r2 = csv(rb2)
med = lambda rows, k: statistics.median(r[k] for r in rows)
row = "{:<48} {:>15} {:>7} {:>13} {:>13}  {}"
print(row.format("", "per second", "p50 ms", "p99 ms", "client CPU/op", "notes"))
for i, (o, r) in enumerate(zip(ours, rb1), 1):
    print(row.format(f"round {i}: in-process / redis-benchmark", f"{o['rps']:,.0f} / {r['rps']:,.0f}", "",
                     f"{o['p99_ms']:.1f} / {r['p99_ms']:.1f}", f"{o['cpu_us']:.0f} / {r['cpu_us']:.0f} us",
                     f"ratio {o['rps'] / r['rps']:.2f}x"))
print(row.format(f"in-process DeploymentRateLimiter.admit, -c {c}", f"{med(ours, 'rps'):,.0f}",
                 f"{med(ours, 'p50_ms'):.2f}", f"{med(ours, 'p99_ms'):.2f}", f"{med(ours, 'cpu_us'):.1f} us",
                 f"median of {len(ours)} rounds; pool {ours[0]['pool']:.0f}; errors {sum(o['errors'] for o in ours):.0f}"))
print(row.format(f"redis-benchmark, same Lua, -c {c}", f"{med(rb1, 'rps'):,.0f}", f"{med(rb1, 'p50_ms'):.2f}",
                 f"{med(rb1, 'p99_ms'):.2f}", f"{med(rb1, 'cpu_us'):.1f} us", f"median of {len(rb1)} rounds"))
ratios = [o["rps"] / r["rps"] for o, r in zip(ours, rb1)]
print(row.format("  ratio in-process / redis-benchmark", f"{statistics.median(ratios):.2f}x", "",
                 f"{med(ours, 'p99_ms') / med(rb1, 'p99_ms'):.2f}x",
                 f"{med(ours, 'cpu_us') / med(rb1, 'cpu_us'):.1f}x",
                 f"median of per-round ratios ({min(ratios):.2f}-{max(ratios):.2f}); #11 aims at >= 0.8x"))
print(row.format(f"HTTP POST /api/v1/deployments, {hc} in flight", f"{h['rps']:,.0f}", f"{h['p50_ms']:.0f}",
                 f"{h['p99_ms']:.0f}", "",
                 f"{h['responses']:,.0f} sent in {h['seconds']:.0f} s (+{h['drain_s']:.1f} s drain); 5xx {h['s5xx']:,.0f}"))
print(row.format(f"redis-benchmark, same Lua, -c {hc}", f"{r2['rps']:,.0f}", f"{r2['p50_ms']:.2f}",
                 f"{r2['p99_ms']:.2f}", f"{r2['cpu_us']:.1f} us", ""))
print(row.format("  ratio HTTP / redis-benchmark", f"{h['rps'] / r2['rps']:.3f}x", "",
                 f"{h['p99_ms'] / r2['p99_ms']:.0f}x", "", "HTTP per second = 202+429 answered in the window / window"))
print("HTTP statuses of the requests sent in the window:", ", ".join(f"{s} x {int(n):,}" for s, n in statuses))
print(f"CPU during the HTTP window, in cores busy (of {cores}): app {h['app_cores']:.2f}, load client "
      f"{h['client_cores']:.2f}, whole machine {h['machine_cores']:.2f} (the rest is other builds, redis-server, ...)")
print(f"claim under test, no 5xx at {hc} concurrent POSTs:",
      "HELD" if h["s5xx"] == 0 else f"NOT HELD ({h['s5xx']:,.0f} x 5xx)")
EOF
