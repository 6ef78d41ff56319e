#!/usr/bin/env bash
# Runs every test: installs what is missing, starts the services the tests use (loopback only), runs `dotnet test`
# on the solution and ends with one line "N passed, N failed".
#   ./test.sh                     everything; extra arguments go to dotnet test (e.g. --filter Redis)
#   ./test.sh --services-only     install and start the services, then exit (to run tests from an IDE)
# Services are left running; the next run reuses them. Their data, logs and PIDs live in .services/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
SERVICES=$ROOT/.services
S3_PACKAGE=$ROOT/Woohakdong.Tests/S3Server
MAIL_PACKAGE=$ROOT/Woohakdong.Tests/MailServer
REDIS_PORT=6391
S3_PORT=4571
SMTP_PORT=4581
MAIL_WEB_PORT=4582

# Keep in sync with Woohakdong.Tests/Infrastructure/TestServices.cs.
export WOOHAKDONG_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=woohakdong_test;Password=woohakdong_test;Database=postgres"
export WOOHAKDONG_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export WOOHAKDONG_TEST_S3="http://127.0.0.1:$S3_PORT"
export WOOHAKDONG_TEST_SMTP="127.0.0.1:$SMTP_PORT"
export WOOHAKDONG_TEST_MAIL_API="http://127.0.0.1:$MAIL_WEB_PORT"
export WOOHAKDONG_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

services_only=false
dotnet_args=()
for arg in "$@"; do
  if [[ $arg == --services-only ]]; then services_only=true; else dotnet_args+=("$arg"); fi
done

say() { echo "test.sh: $*"; }
fail() { echo "test.sh: $*" >&2; exit 1; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local seconds=$1; shift
  for ((i = 0; i < seconds * 4; i++)); do "$@" && return 0; sleep 0.25; done
  return 1
}

install_missing() {
  local packages=()
  [[ -x $WOOHAKDONG_TEST_CHROMIUM ]] || packages+=(chromium)
  command -v redis-server >/dev/null || packages+=(redis-server)
  command -v pg_ctlcluster >/dev/null || packages+=(postgresql-15)
  # Korean glyphs, so that the phone-width browser tests measure the text a student sees, not missing-glyph boxes.
  [[ $(dpkg-query -W -f='${Status}' fonts-nanum 2>/dev/null) == "install ok installed" ]] || packages+=(fonts-nanum)
  if ((${#packages[@]})); then
    say "installing ${packages[*]} (log: $SERVICES/apt.log)"
    mkdir -p "$SERVICES"
    # Waits for another apt run on the same machine rather than failing on its lock.
    local apt=(as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
    if ! { "${apt[@]}" update && "${apt[@]}" install -y "${packages[@]}"; } >"$SERVICES/apt.log" 2>&1 </dev/null; then
      tail -n 30 "$SERVICES/apt.log" >&2
      fail "apt-get could not install ${packages[*]}"
    fi
  fi
  # npm writes node_modules/.package-lock.json on install: older than the lock file means the pin changed.
  local package
  for package in "$S3_PACKAGE" "$MAIL_PACKAGE"; do
    if [[ ! $package/node_modules/.package-lock.json -nt $package/package-lock.json ]]; then
      say "installing the npm packages of ${package#"$ROOT"/}"
      (cd "$package" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

start_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL 15"
    as_root pg_ctlcluster 15 main start </dev/null 9>&-
    wait_for 60 pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL did not answer on 127.0.0.1:5432"
  fi
  mkdir -p "$SERVICES/postgres"
  as_root head -1 /var/lib/postgresql/15/main/postmaster.pid >"$SERVICES/postgres/postgres.pid" 2>/dev/null || true
  # Idempotent: creates the role once and resets its rights and password on every run. CREATEDB: EF creates databases.
  # pg_signal_backend: DROP DATABASE ... WITH (FORCE) in test clean-up must also end an autovacuum worker on that database.
  (cd / && as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres) <<'SQL'
DO $$
BEGIN
  CREATE ROLE woohakdong_test;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
ALTER ROLE woohakdong_test LOGIN CREATEDB PASSWORD 'woohakdong_test';
GRANT pg_signal_backend TO woohakdong_test;
SQL
}

redis_answers() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

start_redis() {
  redis_answers && return
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$SERVICES/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$SERVICES/redis" --pidfile "$SERVICES/redis/redis.pid" --logfile "$SERVICES/redis/redis.log" 9>&-
  wait_for 20 redis_answers || fail "Redis did not answer; see $SERVICES/redis/redis.log"
}

start_s3() {
  # A server another clone started answers too; one whose data folder is gone (fresh-clone-check removes its clone when
  # it ends) would fail every write, so it is replaced.
  local running
  running=$(pgrep -af "start.mjs $S3_PORT " | head -n 1 || true)
  if [[ -n $running && ! -d ${running##* } ]]; then
    say "replacing the S3 server whose data folder ${running##* } is gone"
    kill "${running%% *}" && wait_for 20 eval '! port_answers "$S3_PORT"'
  fi
  port_answers "$S3_PORT" && return
  say "starting the S3 server on 127.0.0.1:$S3_PORT"
  mkdir -p "$SERVICES/s3/data"
  # Own session, no inherited descriptors (the setup lock included): outlives this script without holding CI's output.
  setsid nohup node "$S3_PACKAGE/start.mjs" "$S3_PORT" "$SERVICES/s3/data" \
    >>"$SERVICES/s3/s3.log" 2>&1 </dev/null 9>&- &
  echo $! >"$SERVICES/s3/s3.pid"
  wait_for 30 port_answers "$S3_PORT" || fail "the S3 server did not answer; see $SERVICES/s3/s3.log"
}

start_mail() {
  port_answers "$SMTP_PORT" && port_answers "$MAIL_WEB_PORT" && return
  say "starting the SMTP server (maildev) on 127.0.0.1:$SMTP_PORT, its API on 127.0.0.1:$MAIL_WEB_PORT"
  mkdir -p "$SERVICES/mail"
  # Mail is kept in memory: the tests read it through the API, and a restart starts empty.
  setsid nohup node "$MAIL_PACKAGE/node_modules/maildev/dist/bin/maildev.js" --smtp "$SMTP_PORT" --ip 127.0.0.1 \
    --web "$MAIL_WEB_PORT" --web-ip 127.0.0.1 >>"$SERVICES/mail/maildev.log" 2>&1 </dev/null 9>&- &
  echo $! >"$SERVICES/mail/maildev.pid"
  wait_for 30 eval 'port_answers "$SMTP_PORT" && port_answers "$MAIL_WEB_PORT"' ||
    fail "the SMTP server did not answer; see $SERVICES/mail/maildev.log"
}

run_tests() {
  dotnet tool restore
  rm -rf "$ROOT/TestResults"
  local status=0
  # Past this the run is stopped, so that a hung test still leaves CI time to report.
  timeout --kill-after=60 75m dotnet test "$ROOT/Woohakdong.sln" --logger trx --results-directory "$ROOT/TestResults" \
    "${dotnet_args[@]}" || status=$?

  # dotnet test's own summary is per project and not a line CI reads: add up every TRX file's counters.
  local passed failed
  read -r passed failed < <(find "$ROOT/TestResults" -name '*.trx' -exec grep -oh '<Counters [^>]*>' {} + 2>/dev/null |
    awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/[">\/]/, "", kv[2])
             if (kv[1] == "passed") p += kv[2]
             if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2] } }
         END { print p + 0, f + 0 }')
  ((status == 0)) || say "dotnet test exited with $status (build failure, failed tests or a crashed run)"
  ((passed + failed > 0)) || { say "no test ran"; status=1; }
  ((failed == 0)) || status=1
  echo "$passed passed, $failed failed"
  return "$status"
}

# One setup at a time on this machine: runs from other clones share the same ports.
exec 9>/tmp/woohakdong-test-services.lock
flock -w 900 9 || fail "another test.sh kept the setup lock for 15 minutes"
install_missing
start_postgres
start_redis
start_s3
start_mail
flock -u 9
say "services ready: PostgreSQL 127.0.0.1:5432, Redis $WOOHAKDONG_TEST_REDIS, S3 $WOOHAKDONG_TEST_S3, SMTP $WOOHAKDONG_TEST_SMTP (API $WOOHAKDONG_TEST_MAIL_API)"
$services_only && exit 0
run_tests
