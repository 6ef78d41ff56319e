#!/usr/bin/env bash
# Webhook completions benchmark of issue 5 (not a test; test.sh and CI never run it). One command:
#   ./bench/webhook-completions.sh
# Publishes the web app (Release) to bench/.out/web, builds bench/WebhookCompletions, creates a fresh PostgreSQL database,
# starts one app instance (Staging, PostgreSQL, Redis 127.0.0.1:6391, PortOne sandbox in the same process), creates 2N paid
# orders (and W more for a warm-up) through /v1 and pays them in the sandbox without webhooks (not timed), sends the W
# warm-up orders' webhooks (not timed; JIT tiering and pool growth belong to a cold start, not to the steady state
# measured), then times, from the first webhook sent
# until the database shows every order of the phase Completed: N orders' webhooks once each, then the other N orders'
# webhooks ten times each (duplicates racing the first completion). Checks in the database that each order completed
# exactly once and that the webhook inbox emptied, and cleans up.
#   BENCH_ORDERS (N, default 500), BENCH_WARMUP (W, default 200), BENCH_CONCURRENCY (default 32), BENCH_NO_PUBLISH=1 to reuse bench/.out/web
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_NAME=webhook-completions
ORDERS=${BENCH_ORDERS:-500}
WARMUP=${BENCH_WARMUP:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
DATABASE=woohakdong_webhook_bench_$$
source bench/lib.sh
bench_prepare WebhookCompletions webhookcompletions

PORT=$(free_port 5491)
# PortOne:Mode=Sandbox (the default) points the gateway at this same instance: every completion re-fetches the payment
# from the sandbox over loopback HTTP, so the app serves both sides of each verification.
# The reconciler settles orders quiet for ReconcileAfter (2 min) by asking the gateway itself; setup takes about as long,
# so with the default it would complete the oldest orders before their webhooks are sent and flatter the figures.
start_instance app "$PORT" Payments__ReconcileAfter=01:00:00
# Ids far from the small ones the tests' databases use (the Redis lock key and seat channel are shared on this machine).
psql -q -v ON_ERROR_STOP=1 -d "$DATABASE" \
  -c 'ALTER TABLE "Clubs" ALTER COLUMN "Id" RESTART WITH 910001' \
  -c 'ALTER TABLE "JoinGroups" ALTER COLUMN "Id" RESTART WITH 910001'

status=0
timeout 10m dotnet "$OUT/webhookcompletions/WebhookCompletions.dll" "http://127.0.0.1:$PORT" "$ORDERS" "$WARMUP" "$CONCURRENCY" "$OUT/webhook-result.txt" \
  "$CONNECTION" "${pids[0]}" || status=$?
GROUP=$(sed -n 's/^group_id=//p' "$OUT/webhook-result.txt" 2>/dev/null)
[[ -n $GROUP ]] || fail "the webhook sender stopped early (exit $status)"
read -r COMPLETED MEMBERS PAID_MOVES MULTI < <(psql -At -F ' ' -d "$DATABASE" -c "
  SELECT (SELECT count(*) FROM \"JoinOrders\" WHERE \"GroupId\" = $GROUP AND \"Status\" = 2),
         (SELECT count(*) FROM \"ClubMemberships\" WHERE \"JoinGroupId\" = $GROUP),
         (SELECT count(*) FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\" WHERE o.\"GroupId\" = $GROUP AND h.\"To\" = 1 AND h.\"Cause\" = 0),
         (SELECT count(*) FROM (SELECT h.\"OrderId\" FROM \"OrderHistory\" h JOIN \"JoinOrders\" o ON o.\"Id\" = h.\"OrderId\"
            WHERE o.\"GroupId\" = $GROUP AND h.\"To\" IN (1, 2) GROUP BY h.\"OrderId\", h.\"To\" HAVING count(*) > 1) twice)")
TOTAL=$((2 * ORDERS + WARMUP))
if [[ $COMPLETED == "$TOTAL" && $MEMBERS == "$TOTAL" && $PAID_MOVES == "$TOTAL" && $MULTI == 0 ]]; then
  echo "database: $COMPLETED completed orders, $MEMBERS memberships, $PAID_MOVES Paid transitions (all by webhook), no order moved twice: OK"
else
  echo "!!!!!!!! FAIL: completed $COMPLETED, memberships $MEMBERS, Paid transitions by webhook $PAID_MOVES, orders moved twice $MULTI; expected $TOTAL/$TOTAL/$TOTAL/0 !!!!!!!!"
  status=1
fi
# The storm's last duplicates may still be in the inbox when the last order completes: give them a moment.
for ((i = 0; i < 40; i++)); do
  LEFT=$(psql -At -d "$DATABASE" -c 'SELECT count(*) FROM "WebhookNotices"')
  [[ $LEFT == 0 ]] && break
  sleep 0.25
done
if [[ $LEFT == 0 ]]; then echo "webhook inbox: empty"; else echo "!!!!!!!! FAIL: $LEFT webhook notices left in the inbox !!!!!!!!"; status=1; fi
errors=$(grep -cE '^(fail|crit):' "$OUT/logs/webhook-completions-app.log" || true)
echo "instance log errors (fail/crit): $errors (log: bench/.out/logs/webhook-completions-app.log)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GB; $(date -u +%F)"
exit "$status"
