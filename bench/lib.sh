# Shared by the bench scripts (sourced, not run). The caller sets BENCH_NAME and DATABASE first, and calls
# bench_prepare with the load generator's project folder name and output folder.
# Needs PostgreSQL and Redis as ./test.sh --services-only starts them.
ROOT=$PWD
OUT=$ROOT/bench/.out
REDIS=127.0.0.1:6391
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=woohakdong_test PGPASSWORD=woohakdong_test
# The bench database, for the instances and for load generators that watch it.
CONNECTION="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$DATABASE"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { echo "$BENCH_NAME: $*"; }
fail() { echo "$BENCH_NAME: $*" >&2; exit 1; }
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=$1
  while port_answers "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Checks the services, publishes the app (skip with BENCH_NO_PUBLISH=1), builds the load generator $1 into $OUT/$2,
# creates the fresh database and arranges for instances to be stopped and the database dropped on exit.
bench_prepare() {
  local project=$1 output=$2
  pg_isready -q || fail "PostgreSQL does not answer on $PGHOST:$PGPORT: run ./test.sh --services-only"
  [[ $(redis-cli -h 127.0.0.1 -p 6391 ping 2>/dev/null) == PONG ]] || fail "Redis does not answer on $REDIS: run ./test.sh --services-only"
  mkdir -p "$OUT/logs"
  if [[ ${BENCH_NO_PUBLISH:-} != 1 || ! -f $OUT/web/Woohakdong.Web.dll ]]; then
    say "publishing the web app (Release, ReadyToRun for linux-x64, as the Dockerfile does)"
    dotnet publish "$ROOT/Woohakdong.Web" -c Release -r linux-x64 --self-contained false -o "$OUT/web" >"$OUT/logs/publish.log" 2>&1 || { tail -20 "$OUT/logs/publish.log"; fail "publish failed"; }
  fi
  say "building $project"
  dotnet build "$ROOT/bench/$project" -c Release -o "$OUT/$output" >"$OUT/logs/build-$output.log" 2>&1 ||
    { tail -20 "$OUT/logs/build-$output.log"; fail "build failed"; }
  pids=()
  trap bench_cleanup EXIT
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DATABASE"
  say "database $DATABASE created"
}

bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || say "could not drop $DATABASE"
}

# start_instance NAME PORT [NAME=VALUE ...]: one app instance on the bench database, waited for until /health is 200.
start_instance() {
  local name=$1 port=$2; shift 2
  # Staging, not Production: Production also demands PortOne's live API and S3, which this machine cannot reach;
  # the database, Redis and the seat lock are the production ones.
  (cd "$OUT/web" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    "Database__ConnectionString=$CONNECTION;Maximum Pool Size=40" \
    Redis__Configuration=$REDIS Demo__Seed=false Logging__LogLevel__Default=Warning \
    SignInLimits__PerClient__PermitLimit=1000000 SignInLimits__PerAccount__PermitLimit=1000000 "$@" \
    dotnet Woohakdong.Web.dll) >"$OUT/logs/$BENCH_NAME-$name.log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 240; i++)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") == 200 ]] && { say "instance $name ready on port $port"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.25
  done
  tail -20 "$OUT/logs/$BENCH_NAME-$name.log"
  fail "instance $name did not become healthy"
}
