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
[[ -f $DB ]] || { echo "$DB is missing: benchmarks/run.sh seeds it" >&2; exit 1; }
mkdir -p "$OUT"

echo "== build (Release)"
dotnet publish src/ReferralPortal.Web -c Release -o "$OUT/app" -v q -nologo >/dev/null
dotnet build tools/ReferralPortal.LoadDriver -c Release -v q -nologo >/dev/null
DRIVER="$ROOT/tools/ReferralPortal.LoadDriver/bin/Release/net10.0/ReferralPortal.LoadDriver.dll"
# shellcheck source=benchmarks/app.sh
source "$ROOT/benchmarks/app.sh"

RESULT="$ROOT/benchmarks/PAGES.md"
measure() { # cookie user path
  local cookie=$1 user=$2 path=$3 code first size times=() median
  read -r code first size < <(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$BASE$path")
  for _ in $(seq 1 "$REPEAT"); do times+=("$(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{time_total}' "$BASE$path")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  LC_ALL=C printf '| %s | `%s` | %s | %.3f | %.3f | %d |\n' "$user" "$path" "$code" "$first" "$median" "$((size / 1024))" | tee -a "$RESULT"
}

start_app "$DB" "$OUT/pages-app.log"
# Signed in through the real login form by the load driver, as run.sh does.
VENDOR=$(dotnet "$DRIVER" signin "$BASE" reviewer@contoso.example)
PARTNER=$(dotnet "$DRIVER" signin "$BASE" admin@northwind.example)
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
  measure "$VENDOR" reviewer@contoso.example "$path"
done
for path in /referrals/inbound "/referrals/inbound?page=2" /referrals/outbound /insights /insights/data; do
  measure "$PARTNER" admin@northwind.example "$path"
done
stop_app
