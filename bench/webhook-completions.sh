#!/usr/bin/env bash
# Webhook completions benchmark of issue 5 (not a test; test.sh and CI never run it). One command:
#   ./bench/webhook-completions.sh [NAME=VALUE ...]   (extra settings or DOTNET_* knobs for the instance)
# Publishes the web app (Release) to bench/.out/web, builds bench/WebhookCompletions, creates a fresh PostgreSQL database,
# starts one app instance (Staging, PostgreSQL, Redis 127.0.0.1:6391, PortOne sandbox in the same process), creates 2N paid
# orders (and W more for a warm-up) through /v1 and pays them in the sandbox without webhooks (not timed), sends the W
# warm-up orders' webhooks (not timed; JIT tiering and pool growth belong to a cold start, not to the steady state
# measured), then times, from the first webhook sent
# until the database shows every order of the phase Completed: N orders' webhooks once each, then the other N orders'
# webhooks ten times each (duplicates racing the first completion). Checks in the database that each order completed
# exactly once and that the webhook inbox emptied. It does all that twice, one instance after the other on the same
# database: PortOne V1 (unsigned webhooks to /webhooks/portone), then V2 (PortOne:Version=V2, V2 sandbox, webhooks signed
# per Standard Webhooks to /webhooks/portone/v2), so both figures come from the same minutes. Then it measures the V2
# signature check alone (bench/WebhookSignatures, BenchmarkDotNet in process, about a minute), and cleans up.
#   BENCH_ORDERS (N, default 500), BENCH_WARMUP (W, default 200), BENCH_CONCURRENCY (default 32), BENCH_NO_PUBLISH=1 to reuse bench/.out/web,
#   BENCH_VERSIONS (default "v1 v2"), BENCH_NO_SIGNATURES=1 to skip the signature measurement, BENCH_STORM=0 to leave the
#   duplicate storm out (N + W orders: half the setup, for repeated runs of the first phase)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_NAME=webhook-completions
EXTRA_SETTINGS=("$@")
ORDERS=${BENCH_ORDERS:-500}
WARMUP=${BENCH_WARMUP:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
VERSIONS=${BENCH_VERSIONS:-v1 v2}
DATABASE=woohakdong_webhook_bench_$$
# The setup signs up a student per order (a password hash each, about 13 orders/s on 2 cores): the limit follows N.
PHASES=$([[ ${BENCH_STORM:-1} == 0 ]] && echo 1 || echo 2)
export BENCH_STORM=${BENCH_STORM:-1}
LIMIT=$((10 + (PHASES * ORDERS + WARMUP) / 600))m
source bench/lib.sh
bench_prepare WebhookCompletions webhookcompletions

PORT=$(free_port 5491)
# The V2 sandbox signs with the embedded default secret (appsettings.json); the sender signs its webhooks with the same.
V2_SECRET=$(jq -r .PortOne.Sandbox.V2.WebhookSecret "$OUT/web/appsettings.json")
status=0
first=1

# run_version v1|v2: one instance in that mode, its orders, webhooks and database checks; the instance is stopped after.
run_version() {
  local version=$1 result="$OUT/webhook-result-$1.txt"
  # PortOne:Mode=Sandbox (the default) points the gateway at this same instance: every completion re-fetches the payment
  # from the sandbox over loopback HTTP, so the app serves both sides of each verification.
  # The reconciler settles orders quiet for ReconcileAfter (2 min) by asking the gateway itself, and the hold sweep asks it
  # for every order whose seat hold (10 min) ran out; setup takes longer than both, so with the defaults they would
  # complete the oldest orders before their webhooks are sent, racing the timed phase (a run at N = 3,600, setup 622 s,
  # had 6 orders Paid otherwise than by their webhook).
  start_instance "$version" "$PORT" Payments__ReconcileAfter=01:00:00 Seats__HoldDuration=01:00:00 "PortOne__Version=${version^^}" \
    "${EXTRA_SETTINGS[@]}"
  if ((first)); then
    # Ids far from the small ones the tests' databases use (the Redis lock key and seat channel are shared on this machine).
    psql -q -v ON_ERROR_STOP=1 -d "$DATABASE" \
      -c 'ALTER TABLE "Clubs" ALTER COLUMN "Id" RESTART WITH 910001' \
      -c 'ALTER TABLE "SeatPools" ALTER COLUMN "Id" RESTART WITH 910001'
    first=0
  fi
  timeout "$LIMIT" dotnet "$OUT/webhookcompletions/WebhookCompletions.dll" "http://127.0.0.1:$PORT" "$ORDERS" "$WARMUP" "$CONCURRENCY" "$result" \
    "$CONNECTION" "${pids[-1]}" "$version" "$V2_SECRET" || status=1
  echo "$version: load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  GROUP=$(sed -n 's/^group_id=//p' "$result" 2>/dev/null || true)
  [[ -n $GROUP ]] || fail "the $version webhook sender stopped early"
  read -r COMPLETED MEMBERS PAID_MOVES MULTI WRONG_GATEWAY < <(psql -At -F ' ' -d "$DATABASE" -c "
    SELECT (SELECT count(*) FROM \"JoinOrders\" WHERE \"PoolId\" = $GROUP AND \"Status\" = 2),
           (SELECT count(*) FROM \"ClubMemberships\" WHERE \"JoinGroupId\" = $GROUP),
           (SELECT count(*) FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\" WHERE o.\"PoolId\" = $GROUP AND h.\"To\" = 1 AND h.\"Cause\" = 0),
           (SELECT count(*) FROM (SELECT h.\"OrderId\" FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\"
              WHERE o.\"PoolId\" = $GROUP AND h.\"To\" IN (1, 2) GROUP BY h.\"OrderId\", h.\"To\" HAVING count(*) > 1) twice),
           (SELECT count(*) FROM \"JoinOrders\" WHERE \"PoolId\" = $GROUP AND \"GatewayVersion\" <> ${version#v})")
  TOTAL=$((PHASES * ORDERS + WARMUP))
  if [[ $COMPLETED == "$TOTAL" && $MEMBERS == "$TOTAL" && $PAID_MOVES == "$TOTAL" && $MULTI == 0 && $WRONG_GATEWAY == 0 ]]; then
    echo "$version database: $COMPLETED completed orders, $MEMBERS memberships, $PAID_MOVES Paid transitions (all by webhook), no order moved twice, all made with $version: OK"
  else
    echo "!!!!!!!! FAIL ($version): completed $COMPLETED, memberships $MEMBERS, Paid transitions by webhook $PAID_MOVES, orders moved twice $MULTI, orders of another gateway $WRONG_GATEWAY; expected $TOTAL/$TOTAL/$TOTAL/0/0 !!!!!!!!"
    status=1
  fi
  # The storm's last duplicates may still be in the inbox when the last order completes: give them a moment.
  for ((i = 0; i < 40; i++)); do
    LEFT=$(psql -At -d "$DATABASE" -c 'SELECT count(*) FROM "WebhookNotices"')
    [[ $LEFT == 0 ]] && break
    sleep 0.25
  done
  if [[ $LEFT == 0 ]]; then echo "$version webhook inbox: empty"; else echo "!!!!!!!! FAIL ($version): $LEFT webhook notices left in the inbox !!!!!!!!"; status=1; fi
  local log="$OUT/logs/$BENCH_NAME-$version.log"
  echo "$version instance log errors (fail/crit): $(grep -cE '^(fail|crit):' "$log" || true) (log: ${log#"$ROOT/"})"
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
  unset 'pids[-1]'
}

for version in $VERSIONS; do run_version "$version"; done

if [[ ${BENCH_NO_SIGNATURES:-} != 1 ]]; then
  say "building WebhookSignatures"
  dotnet build "$ROOT/bench/WebhookSignatures" -c Release -o "$OUT/webhooksignatures" >"$OUT/logs/build-webhooksignatures.log" 2>&1 ||
    { tail -20 "$OUT/logs/build-webhooksignatures.log"; fail "build failed"; }
  echo "signature check alone (load average before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  dotnet "$OUT/webhooksignatures/WebhookSignatures.dll" "$OUT/signatures" >"$OUT/logs/webhook-signatures.log" 2>&1 || status=1
  sed -n '/^BenchmarkDotNet v/,/^  \[Host\]/p; /^| Method/,/^$/p' "$OUT/logs/webhook-signatures.log"
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GB; $(date -u +%F)"
exit "$status"
