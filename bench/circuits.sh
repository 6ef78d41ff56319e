#!/usr/bin/env bash
# Blazor Server circuits benchmark of issue 17 (not a test; test.sh and CI never run it). One command:
#   ./bench/circuits.sh [NAME=VALUE ...]
# Publishes the web app (Release) to bench/.out/web, builds bench/Circuits (a headless Blazor Server client speaking the
# circuit hub's blazorpack protocol over SignalR), creates a fresh PostgreSQL database, starts one app instance
# (Staging: PostgreSQL, Redis 127.0.0.1:6391, server GC as published), creates a club, opens 20 circuits on its page and
# drops them (warm-up), measures the app's GC heap after a full GC and its working set, opens N circuits on the club
# page, keeps them idle, measures again and prints the difference per circuit and what the heap gained by type.
#   NAME=VALUE          extra settings for the instance (app settings or DOTNET_* runtime knobs, e.g. DOTNET_gcServer=0)
#   BENCH_CIRCUITS      circuits to open (default 5000)
#   BENCH_CONCURRENCY   circuits opening at once (default 20)
#   BENCH_IDLE_SECONDS  idle time before the second measurement (default 30)
#   BENCH_NO_PUBLISH=1  reuse bench/.out/web from an earlier run
# Needs PostgreSQL and Redis as ./test.sh --services-only starts them; installs dotnet-gcdump and dotnet-counters into bench/.out/tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_NAME=circuits
CIRCUITS=${BENCH_CIRCUITS:-5000}
CONCURRENCY=${BENCH_CONCURRENCY:-20}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-30}
DATABASE=woohakdong_circuits_bench_$$
source bench/lib.sh
for tool in dotnet-gcdump dotnet-counters; do
  if [[ ! -x $OUT/tools/$tool ]]; then
    say "installing $tool into bench/.out/tools"
    dotnet tool install "$tool" --version 10.0.750501 --tool-path "$OUT/tools" >"$OUT/logs/$tool-install.log" 2>&1 ||
      { cat "$OUT/logs/$tool-install.log"; fail "could not install $tool"; }
  fi
done
bench_prepare Circuits circuits

PORT=$(free_port 5495)
start_instance app "$PORT" "$@"
say "load generator: $CIRCUITS circuits, $CONCURRENCY opening at once, ${IDLE_SECONDS} s idle (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
mkdir -p "$OUT/gcdumps"
status=0
timeout 30m dotnet "$OUT/circuits/Circuits.dll" --instance "http://127.0.0.1:$PORT" --server-pid "${pids[-1]}" \
  --tools "$OUT/tools" --work-folder "$OUT/gcdumps" --circuits "$CIRCUITS" --concurrency "$CONCURRENCY" \
  --idle-seconds "$IDLE_SECONDS" || status=$?
errors=$(awk '/^(fail|crit):/ { n++; start = FNR } /__EFMigrationsHistory/ && FNR - start <= 3 && start { n--; start = 0 } END { print n + 0 }' \
  "$OUT/logs/$BENCH_NAME-app.log")
echo "instance log errors (fail/crit): $errors (log: bench/.out/logs/$BENCH_NAME-app.log; heap dumps: bench/.out/gcdumps/)"
exit "$status"
