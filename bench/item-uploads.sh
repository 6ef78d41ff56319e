#!/usr/bin/env bash
# Item image uploads benchmark of issue 6 (not a test; test.sh and CI never run it). One command:
#   ./bench/item-uploads.sh
# Publishes the web app (Release) to bench/.out/web, builds bench/ItemUploads, creates a fresh PostgreSQL database and
# starts two instances (Staging, PostgreSQL, Redis 127.0.0.1:6391): one storing on its local disk, one on the
# S3-compatible server test.sh starts (127.0.0.1:4571, which verifies signatures). Against each: 50 images of 1 MB through
# the presigned-PUT flow (10 URLs, 10 PUTs, register the item; five times), the bytes written to the app's own endpoints
# against the image bytes (goal <= 1 %), and the time to issue 10 URLs. Exit 0 only if both ratios meet the goal.
#   BENCH_IMAGES (default 50), BENCH_IMAGE_BYTES (default 1000000), BENCH_NO_PUBLISH=1 to reuse bench/.out/web
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_NAME=item-uploads
IMAGES=${BENCH_IMAGES:-50}
IMAGE_BYTES=${BENCH_IMAGE_BYTES:-1000000}
DATABASE=woohakdong_items_bench_$$
BUCKET=bench-items-$$
S3=http://127.0.0.1:4571
source bench/lib.sh
port_answers 4571 || fail "the S3 server does not answer on $S3: run ./test.sh --services-only"
bench_prepare ItemUploads itemuploads

# The test server takes only its own key pair and needs the payload hash header even on a bucket request.
s3_bucket() { curl -sf -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -X "$1" "$S3/$BUCKET"; }
s3_bucket PUT || fail "could not create bucket $BUCKET on $S3"
trap 'bench_cleanup; s3_bucket DELETE || true; rm -rf "$OUT/objects-$$"' EXIT

LOCAL_PORT=$(free_port 5511)
start_instance local "$LOCAL_PORT" Storage__Provider=LocalDisk "Storage__LocalDisk__Root=$OUT/objects-$$"
S3_PORT=$(free_port $((LOCAL_PORT + 1)))
start_instance s3 "$S3_PORT" Storage__Provider=S3 "Storage__S3__Bucket=$BUCKET" Storage__S3__Region=us-east-1 \
  "Storage__S3__ServiceUrl=$S3" AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER

status=0
dotnet "$OUT/itemuploads/ItemUploads.dll" "http://127.0.0.1:$LOCAL_PORT" LocalDisk "$IMAGES" "$IMAGE_BYTES" || status=1
dotnet "$OUT/itemuploads/ItemUploads.dll" "http://127.0.0.1:$S3_PORT" S3 "$IMAGES" "$IMAGE_BYTES" || status=1
read -r ITEMS ITEM_IMAGES < <(psql -At -F ' ' -d "$DATABASE" -c 'SELECT (SELECT count(*) FROM "Items"), (SELECT count(*) FROM "ItemImages")')
echo "database: $ITEMS items, $ITEM_IMAGES item images (expected $((2 * ((IMAGES + 9) / 10))) and $((2 * IMAGES)))"
[[ $ITEM_IMAGES == $((2 * IMAGES)) ]] || status=1
for name in local s3; do
  echo "instance $name log errors (fail/crit): $(grep -cE '^(fail|crit):' "$OUT/logs/item-uploads-$name.log" || true)"
done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GB; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
