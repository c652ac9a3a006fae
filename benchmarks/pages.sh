#!/usr/bin/env bash
# Single page views that run.sh's load scenarios leave out (the vendor's landing tab, the deciding tabs,
# Insights, the inbound form), one request at a time, on the 1M data set that benchmarks/run.sh seeds:
#   benchmarks/pages.sh                                   # writes benchmarks/PAGES.md
#   REPEAT=5 DB=benchmarks/data/10k.db benchmarks/pages.sh
# Each row: the first request (cold caches) and the median of the next REPEAT.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-5199}
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/benchmarks/out"
DB=${DB:-$ROOT/benchmarks/data/1M.db}
REPEAT=${REPEAT:-3}
PASSWORD='Demo!2026' # the documented demo password the seeders give every account
[[ -f $DB ]] || { echo "$DB is missing: benchmarks/run.sh seeds it" >&2; exit 1; }
mkdir -p "$OUT"

echo "== build (Release)"
dotnet publish src/ReferralPortal.Web -c Release -o "$OUT/app" -v q -nologo >/dev/null
# shellcheck source=benchmarks/app.sh
source "$ROOT/benchmarks/app.sh"

# Signs in through the real login form; the session cookie goes to the jar $1.
sign_in() {
  local jar=$1 email=$2 token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=$email" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login"
}

RESULT="$ROOT/benchmarks/PAGES.md"
measure() { # jar user path
  local jar=$1 user=$2 path=$3 code first size times=() median
  read -r code first size < <(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$BASE$path")
  for _ in $(seq 1 "$REPEAT"); do times+=("$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$BASE$path")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  LC_ALL=C printf '| %s | `%s` | %s | %.3f | %.3f | %d |\n' "$user" "$path" "$code" "$first" "$median" "$((size / 1024))" | tee -a "$RESULT"
}

start_app "$DB" "$OUT/pages-app.log"
sign_in "$OUT/vendor.jar" reviewer@contoso.example
sign_in "$OUT/partner.jar" admin@northwind.example
{
  echo "# Single page views on $(basename "$DB")"
  echo
  echo "Produced by \`benchmarks/pages.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC ($(nproc) cores): Release build started as run.sh starts it,"
  echo "one request at a time with curl; first request of each page, then the median of the next $REPEAT."
  echo
  echo "| User | Page | Status | First (s) | Median (s) | Size (KB) |"
  echo "|---|---|---|---:|---:|---:|"
} >"$RESULT"
for path in /referrals/shared "/referrals/shared?page=2" "/referrals/shared?page=3000" "/referrals/shared?sort=Value" /insights /insights/data /inbound/new; do
  measure "$OUT/vendor.jar" reviewer@contoso.example "$path"
done
for path in /referrals/inbound "/referrals/inbound?page=2" /referrals/outbound /insights /insights/data; do
  measure "$OUT/partner.jar" admin@northwind.example "$path"
done
stop_app
