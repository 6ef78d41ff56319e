#!/usr/bin/env bash
# Flash-crowd benchmark of issue 4 (not a test; test.sh and CI never run it). One command:
#   ./bench/flash-crowd.sh [NAME=VALUE ...]
# Publishes the web app (Release) to bench/.out/web, builds bench/FlashCrowd, creates a fresh PostgreSQL database,
# starts two app instances on loopback with production settings sharing that database and Redis 127.0.0.1:6391,
# measures PostgreSQL's own hot-row rate with pgbench, runs the crowd (2,000 students, 100 seats), checks the
# admissions in the database, then stops the instances and drops the database. Takes about 5 minutes.
#   NAME=VALUE          extra app settings for both instances, e.g. Seats__LockRetry=00:00:00.005
#   BENCH_CONCURRENCY   client connections over both instances and pgbench clients (default 50)
#   BENCH_STUDENTS, BENCH_SEATS, BENCH_PROBE_SECONDS   (defaults 2000, 100, 10)
#   BENCH_NO_PUBLISH=1  reuse bench/.out/web from an earlier run
# Needs PostgreSQL and Redis as ./test.sh --services-only starts them, and pgbench (postgresql-client).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/bench/.out
CONCURRENCY=${BENCH_CONCURRENCY:-50}
STUDENTS=${BENCH_STUDENTS:-2000}
SEATS=${BENCH_SEATS:-100}
PROBE_SECONDS=${BENCH_PROBE_SECONDS:-10}
REDIS=127.0.0.1:6391
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=woohakdong_test PGPASSWORD=woohakdong_test
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
DATABASE=woohakdong_bench_$$
say() { echo "flash-crowd: $*"; }
fail() { echo "flash-crowd: $*" >&2; exit 1; }
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_isready -q || fail "PostgreSQL does not answer on $PGHOST:$PGPORT: run ./test.sh --services-only"
[[ $(redis-cli -h 127.0.0.1 -p 6391 ping 2>/dev/null) == PONG ]] || fail "Redis does not answer on $REDIS: run ./test.sh --services-only"
command -v pgbench >/dev/null || fail "pgbench is missing: apt-get install postgresql-client"

mkdir -p "$OUT/logs"
if [[ ${BENCH_NO_PUBLISH:-} != 1 || ! -f $OUT/web/Woohakdong.Web.dll ]]; then
  say "publishing the web app (Release)"
  dotnet publish "$ROOT/Woohakdong.Web" -c Release -o "$OUT/web" >"$OUT/logs/publish.log" 2>&1 || { tail -20 "$OUT/logs/publish.log"; fail "publish failed"; }
fi
say "building the load generator"
dotnet build "$ROOT/bench/FlashCrowd" -c Release -o "$OUT/flashcrowd" >"$OUT/logs/build.log" 2>&1 || { tail -20 "$OUT/logs/build.log"; fail "build failed"; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || say "could not drop $DATABASE"
}
trap cleanup EXIT
psql -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DATABASE"
say "database $DATABASE created"

free_port() {
  local port=$1
  while port_answers "$port"; do port=$((port + 1)); done
  echo "$port"
}

start_instance() {
  local name=$1 port=$2; shift 2
  # Staging, not Production: Production also demands PortOne's live API, which this machine cannot reach; the
  # database, Redis and the seat lock are the production ones.
  (cd "$OUT/web" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    "Database__ConnectionString=Host=127.0.0.1;Port=5432;Username=woohakdong_test;Password=woohakdong_test;Database=$DATABASE;Maximum Pool Size=40" \
    Redis__Configuration=$REDIS Demo__Seed=false Logging__LogLevel__Default=Warning "$@" \
    dotnet Woohakdong.Web.dll) >"$OUT/logs/instance-$name.log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 240; i++)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") == 200 ]] && { say "instance $name ready on port $port"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.25
  done
  tail -20 "$OUT/logs/instance-$name.log"
  fail "instance $name did not become healthy"
}

# One at a time: the first migrates the fresh database.
PORT_A=$(free_port 5481)
start_instance a "$PORT_A" "$@"
# Ids far from the small ones the tests' databases use: the Redis lock key club:{id}:seats and the seat channel are
# shared with any test run on this machine.
psql -q -v ON_ERROR_STOP=1 -d "$DATABASE" \
  -c 'ALTER TABLE "Clubs" ALTER COLUMN "Id" RESTART WITH 900001' \
  -c 'ALTER TABLE "JoinGroups" ALTER COLUMN "Id" RESTART WITH 900001'
PORT_B=$(free_port $((PORT_A + 1)))
start_instance b "$PORT_B" "$@"

say "pgbench: hot-row update, $CONCURRENCY clients, ${PROBE_SECONDS} s"
psql -q -v ON_ERROR_STOP=1 -d "$DATABASE" \
  -c 'CREATE TABLE seats (id int PRIMARY KEY, taken bigint NOT NULL, cap bigint NOT NULL)' \
  -c 'INSERT INTO seats VALUES (1, 0, 1000000000000)'
echo 'UPDATE seats SET taken = taken + 1 WHERE id = 1 AND taken < cap;' >"$OUT/hot-row.sql"
pgbench -n -c "$CONCURRENCY" -j 2 -T "$PROBE_SECONDS" -f "$OUT/hot-row.sql" "$DATABASE" >"$OUT/logs/pgbench.log" 2>&1 ||
  { cat "$OUT/logs/pgbench.log"; fail "pgbench failed"; }
grep -E '^(latency average|tps)' "$OUT/logs/pgbench.log"
TPS=$(awk '/^tps = / { print $3; exit }' "$OUT/logs/pgbench.log")

say "load generator: setup (not timed), warm-up, trivial endpoint, crowd, steady sold-out"
status=0
timeout 20m dotnet "$OUT/flashcrowd/FlashCrowd.dll" --instances "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
  --students "$STUDENTS" --seats "$SEATS" --concurrency "$CONCURRENCY" --probe-seconds "$PROBE_SECONDS" \
  --pgbench-tps "$TPS" --result-file "$OUT/result.txt" || status=$?

GROUP=$(sed -n 's/^group_id=//p' "$OUT/result.txt" 2>/dev/null)
[[ -n $GROUP ]] || fail "the load generator stopped before the crowd (exit $status)"
read -r MEMBERS TAKEN < <(psql -At -F ' ' -d "$DATABASE" \
  -c "SELECT (SELECT count(*) FROM \"ClubMemberships\" WHERE \"JoinGroupId\" = $GROUP), \"SeatsTaken\" FROM \"JoinGroups\" WHERE \"Id\" = $GROUP")
if [[ $MEMBERS == "$SEATS" && $TAKEN == "$SEATS" ]]; then
  echo "database: $MEMBERS memberships through the group, SeatsTaken $TAKEN: OK"
else
  echo "!!!!!!!! FAIL: database has $MEMBERS memberships through the group and SeatsTaken $TAKEN; expected $SEATS !!!!!!!!"
  status=1
fi
# The first instance's migration check of the empty database logs one failed query by design: not counted.
errors=$(awk '/^(fail|crit):/ { n++; start = FNR } /__EFMigrationsHistory/ && FNR - start <= 3 && start { n--; start = 0 } END { print n + 0 }' \
  "$OUT/logs/instance-a.log" "$OUT/logs/instance-b.log")
echo "instance log errors (fail/crit): $errors (logs: bench/.out/logs/)"
exit "$status"
