#!/usr/bin/env bash
# Webhook completions benchmark of issue 5 (not a test; test.sh and CI never run it). One command:
#   ./bench/webhook-completions.sh
# Publishes the web app (Release) to bench/.out/web, builds bench/WebhookCompletions, creates a fresh PostgreSQL database,
# starts one app instance (Staging, PostgreSQL, Redis 127.0.0.1:6391, PortOne sandbox in the same process), creates N paid
# orders through /v1 and pays them in the sandbox without webhooks (not timed), then times POST /webhooks/portone for every
# order once and a 10x duplicate storm, checks in the database that each order completed exactly once, and cleans up.
#   BENCH_ORDERS (default 1000), BENCH_CONCURRENCY (default 32), BENCH_NO_PUBLISH=1 to reuse bench/.out/web
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/bench/.out
ORDERS=${BENCH_ORDERS:-1000}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
REDIS=127.0.0.1:6391
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=woohakdong_test PGPASSWORD=woohakdong_test
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
DATABASE=woohakdong_webhook_bench_$$
say() { echo "webhook-completions: $*"; }
fail() { echo "webhook-completions: $*" >&2; exit 1; }
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_isready -q || fail "PostgreSQL does not answer on $PGHOST:$PGPORT: run ./test.sh --services-only"
[[ $(redis-cli -h 127.0.0.1 -p 6391 ping 2>/dev/null) == PONG ]] || fail "Redis does not answer on $REDIS: run ./test.sh --services-only"

mkdir -p "$OUT/logs"
if [[ ${BENCH_NO_PUBLISH:-} != 1 || ! -f $OUT/web/Woohakdong.Web.dll ]]; then
  say "publishing the web app (Release)"
  dotnet publish "$ROOT/Woohakdong.Web" -c Release -o "$OUT/web" >"$OUT/logs/publish.log" 2>&1 || { tail -20 "$OUT/logs/publish.log"; fail "publish failed"; }
fi
say "building the webhook sender"
dotnet build "$ROOT/bench/WebhookCompletions" -c Release -o "$OUT/webhookcompletions" >"$OUT/logs/build-webhook.log" 2>&1 ||
  { tail -20 "$OUT/logs/build-webhook.log"; fail "build failed"; }

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
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") == 200 ]] && { say "instance ready on port $port"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.25
  done
  tail -20 "$OUT/logs/instance-$name.log"
  fail "instance $name did not become healthy"
}

start_instance() {
  local name=$1 port=$2; shift 2
  # Staging, not Production: Production also demands PortOne's live API, which this machine cannot reach; the
  # database, Redis and the seat lock are the production ones.
  (cd "$OUT/web" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    "Database__ConnectionString=Host=127.0.0.1;Port=5432;Username=woohakdong_test;Password=woohakdong_test;Database=$DATABASE;Maximum Pool Size=40" \
    Redis__Configuration=$REDIS Demo__Seed=false Logging__LogLevel__Default=Warning "$@" \
    dotnet Woohakdong.Web.dll) >"$OUT/logs/webhook-$name.log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 240; i++)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") == 200 ]] && { say "instance $name ready on port $port"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.25
  done
  tail -20 "$OUT/logs/webhook-$name.log"
  fail "instance $name did not become healthy"
}

PORT=$(free_port 5491)
# PortOne:Mode=Sandbox (the default) points the gateway at this same instance: every completion re-fetches the payment
# from the sandbox over loopback HTTP, so the app serves both sides of each verification.
start_instance app "$PORT"
# Ids far from the small ones the tests' databases use (the Redis lock key and seat channel are shared on this machine).
psql -q -v ON_ERROR_STOP=1 -d "$DATABASE" \
  -c 'ALTER TABLE "Clubs" ALTER COLUMN "Id" RESTART WITH 910001' \
  -c 'ALTER TABLE "JoinGroups" ALTER COLUMN "Id" RESTART WITH 910001'

status=0
timeout 10m dotnet "$OUT/webhookcompletions/WebhookCompletions.dll" "http://127.0.0.1:$PORT" "$ORDERS" "$CONCURRENCY" "$OUT/webhook-result.txt" || status=$?
GROUP=$(sed -n 's/^group_id=//p' "$OUT/webhook-result.txt" 2>/dev/null)
[[ -n $GROUP ]] || fail "the webhook sender stopped early (exit $status)"
read -r COMPLETED MEMBERS PAID_MOVES MULTI < <(psql -At -F ' ' -d "$DATABASE" -c "
  SELECT (SELECT count(*) FROM \"JoinOrders\" WHERE \"GroupId\" = $GROUP AND \"Status\" = 2),
         (SELECT count(*) FROM \"ClubMemberships\" WHERE \"JoinGroupId\" = $GROUP),
         (SELECT count(*) FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\" WHERE o.\"GroupId\" = $GROUP AND h.\"To\" = 1),
         (SELECT count(*) FROM (SELECT h.\"OrderId\" FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\"
            WHERE o.\"GroupId\" = $GROUP AND h.\"To\" IN (1, 2) GROUP BY h.\"OrderId\", h.\"To\" HAVING count(*) > 1) twice)")
if [[ $COMPLETED == "$ORDERS" && $MEMBERS == "$ORDERS" && $PAID_MOVES == "$ORDERS" && $MULTI == 0 ]]; then
  echo "database: $COMPLETED completed orders, $MEMBERS memberships, $PAID_MOVES Paid transitions, no order moved twice: OK"
else
  echo "!!!!!!!! FAIL: completed $COMPLETED, memberships $MEMBERS, Paid transitions $PAID_MOVES, orders moved twice $MULTI; expected $ORDERS/$ORDERS/$ORDERS/0 !!!!!!!!"
  status=1
fi
errors=$(grep -cE '^(fail|crit):' "$OUT/logs/webhook-app.log" || true)
echo "instance log errors (fail/crit): $errors (log: bench/.out/logs/webhook-app.log)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GB; $(date -u +%F)"
exit "$status"
