#!/usr/bin/env bash
# Every page issue 17 names, one request at a time, on the 1M data set that benchmarks/run.sh seeds:
#   benchmarks/pages.sh                                   # writes benchmarks/PAGES.md
#   REPEAT=5 DB=benchmarks/data/10k.db benchmarks/pages.sh
#   PROVIDER=Postgres PG_KEEP=benchmarks/data/pg benchmarks/pages.sh   # the same pages on PostgreSQL, on the copy of
#                                                     # the same data set that run.sh made in that kept cluster
#                                                     # (PG_KEEP=... COPY_ONLY=1 PROVIDERS=Postgres benchmarks/run.sh);
#                                                     # writes benchmarks/PAGES-PostgreSQL.md
# For each user kind (vendor reviewer, vendor programme admin, partner admin, partner referral user): every tab's
# default view; for the vendor reviewer's and the partner admin's tabs (the vendor's Registrations tab included) also
# every column sort in both directions (Partner on the vendor's tabs),
# the page past the last one (the portal then shows the last page, or nothing beyond its 10,000 count cap) and
# every filter alone; Insights and its data; the deal page of a deal with 500 activity entries; the New deal
# wizard's steps; the inbound referral form; channel-conflict detection (the deal page and side-by-side page of a deal
# whose customer has the most deals, and the wizard's final POST, which creates a co-sell deal and runs detection). Each row: the first request (cold caches), the median of the next
# REPEAT, the HTML size, and whether the targets are met (median ≤ 200 ms, first ≤ 1 s, ≤ 200 KB, status 200).
# The machine's load is recorded at the start and the end. A hand-written analysis in benchmarks/PAGES-ANALYSIS.md,
# if present, is appended as its own section.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-5199}
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/benchmarks/out"
DB=${DB:-$ROOT/benchmarks/data/1M.db}
REPEAT=${REPEAT:-3}
MEDIAN_TARGET=${MEDIAN_TARGET:-0.200}
FIRST_TARGET=${FIRST_TARGET:-1.0}
SIZE_TARGET_KB=${SIZE_TARGET_KB:-200}
PROVIDER=${PROVIDER:-Sqlite}
[[ -f $DB ]] || { echo "$DB is missing: benchmarks/run.sh seeds it (SEED_ONLY=1 benchmarks/run.sh)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
mkdir -p "$OUT"

case $PROVIDER in
  Sqlite) RESULT="$ROOT/benchmarks/PAGES.md"; ENGINE=SQLite ;;
  Postgres) RESULT="$ROOT/benchmarks/PAGES-PostgreSQL.md"; ENGINE=PostgreSQL
    [[ -n ${PG_KEEP:-} && -f $PG_KEEP/copied-$(basename "$DB" .db) ]] || {
      echo "PROVIDER=Postgres measures the copy of $(basename "$DB") in a kept cluster: make it with" >&2
      echo "  PG_KEEP=benchmarks/data/pg COPY_ONLY=1 PROVIDERS=Postgres benchmarks/run.sh   and pass the same PG_KEEP" >&2; exit 1; } ;;
  *) echo "PROVIDER is Sqlite or Postgres, not $PROVIDER" >&2; exit 2 ;;
esac
export PROVIDER  # read by start_app (app.sh)
ROWS="$OUT/pages-rows-$PROVIDER.md"
META="$OUT/pages-meta-$PROVIDER.sh"
write_report() {
  {
    echo "# Single page views on $(basename "$DB")"
    echo
    echo "Produced by \`benchmarks/pages.sh\` on $MEASURED_AT UTC ($(nproc) cores), $ENGINE: Release build started as run.sh"
    echo "starts it, one request at a time with curl; the first request of each page, then the median of the next $REPEAT."
    echo "Targets: median ≤ ${MEDIAN_TARGET}s warm, first request ≤ ${FIRST_TARGET}s, HTML ≤ ${SIZE_TARGET_KB} KB, status 200."
    echo "Machine load: before, $LOAD_BEFORE; after, $LOAD_AFTER. On a shared machine absolute times are noisy."
    echo
    echo "**$MET pages met every target, $MISSED missed at least one.**"
    echo
    echo "| User | Page | Status | First (s) | Median (s) | Size (KB) | Targets |"
    echo "|---|---|---|---:|---:|---:|---|"
    cat "$ROWS"
    if [[ -f $ROOT/benchmarks/PAGES-ANALYSIS.md ]]; then echo; cat "$ROOT/benchmarks/PAGES-ANALYSIS.md"; fi
  } >"$RESULT"
}
# REPORT_ONLY=1: write PAGES.md again from the last run's rows (e.g. after editing PAGES-ANALYSIS.md), measuring nothing.
if [[ -n ${REPORT_ONLY:-} ]]; then
  # shellcheck source=/dev/null
  source "$META"; write_report; echo "== $RESULT"; exit 0
fi

echo "== build (Release)"
dotnet publish src/ReferralPortal.Web -c Release -o "$OUT/app" -v q -nologo >/dev/null
dotnet build tools/ReferralPortal.LoadDriver -c Release -v q -nologo >/dev/null
DRIVER="$ROOT/tools/ReferralPortal.LoadDriver/bin/Release/net10.0/ReferralPortal.LoadDriver.dll"
# shellcheck source=benchmarks/app.sh
source "$ROOT/benchmarks/app.sh"

load_now() { printf 'load average %s, CPU pressure some avg10 %s%%' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(awk '/^some/ {sub("avg10=","",$2); print $2}' /proc/pressure/cpu 2>/dev/null || echo '?')"; }

: >"$ROWS"
MET=0
MISSED=0
measure() { # cookie user path
  local cookie=$1 user=$2 path=$3 code first size times=() median verdict why=()
  read -r code first size < <(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$BASE$path")
  for _ in $(seq 1 "$REPEAT"); do times+=("$(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{time_total}' "$BASE$path")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  [[ $code == 200 ]] || why+=("status $code")
  awk -v m="$median" -v t="$MEDIAN_TARGET" 'BEGIN {exit !(m > t)}' && why+=("median")
  awk -v f="$first" -v t="$FIRST_TARGET" 'BEGIN {exit !(f > t)}' && why+=("first")
  (( size / 1024 > SIZE_TARGET_KB )) && why+=("size")
  if (( ${#why[@]} == 0 )); then verdict=met; MET=$((MET + 1)); else verdict="**missed** ($(IFS=,; echo "${why[*]}"))"; MISSED=$((MISSED + 1)); fi
  LC_ALL=C printf '| %s | `%s` | %s | %.3f | %.3f | %d | %s |\n' "$user" "$path" "$code" "$first" "$median" "$((size / 1024))" "$verdict" | tee -a "$ROWS"
}

# The first option value of a workspace filter drop-down on a page (a customer or solution id this user can see).
first_option() { # cookie path select-name
  curl -s -H "Cookie: $1" "$BASE$2" | tr '\n' ' ' | sed -n "s/.*name=\"$3\">\(.*\)/\1/p" | sed -n 's/^[^<]*<option value="">[^<]*<\/option>[^<]*<option value="\([0-9]*\)".*/\1/p'
}

# SQL on the measured database (identifiers quoted, so the same text serves SQLite and PostgreSQL).
CONNECTION=$DB
if [[ $PROVIDER == Postgres ]]; then
  PG_DIR=$(cd "$PG_KEEP" && pwd)
  PG_SERVER=$("$ROOT/scripts/postgres-cluster.sh" start "$PG_DIR")
  trap 'stop_app; "$ROOT/scripts/postgres-cluster.sh" halt "$PG_DIR"' EXIT
  CONNECTION=${PG_SERVER/Database=postgres/Database=rp_bench_$(basename "$DB" .db)}
  PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
  PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG_SERVER")
  sql() { runuser -u postgres -- "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "rp_bench_$(basename "$DB" .db)" -Atq -c "$1"; }
  minutes() { echo "TIMESTAMP '2026-01-01' + $1 * INTERVAL '1 minute'"; }
  FALSE=false
else
  sql() { sqlite3 "$DB" "$1"; }
  minutes() { echo "datetime('2026-01-01', '+' || $1 || ' minutes')"; }
  FALSE=0
fi

# A deal with 500 activity entries: the first Northwind outbound deal gets entries added until it has 500.
DEAL500=$(sql "SELECT d.\"Id\" FROM \"Deals\" d JOIN \"Organisations\" o ON o.\"Id\" = d.\"OwnerOrganisationId\" WHERE o.\"Name\" = 'Northwind Traders' AND d.\"Direction\" = 'Outbound' AND d.\"DealType\" = 'CoSell' ORDER BY d.\"Id\" LIMIT 1")
have=$(sql "SELECT COUNT(*) FROM \"DealActivities\" WHERE \"DealId\" = $DEAL500")
if (( have < 500 )); then
  sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500 - $have)
    INSERT INTO \"DealActivities\" (\"DealId\", \"Kind\", \"ActorName\", \"At\", \"Field\", \"OldValue\", \"NewValue\", \"CreatorLeft\")
    SELECT $DEAL500, 'Edited', 'Benchmark', $(minutes i), 'Notes', 'Note ' || i, 'Note ' || (i + 1), $FALSE FROM n"
fi

# The open co-sell deal whose customer has the most deals: detection compares it with that customer's other deals.
CONFLICT_DEAL=$(sql "SELECT d.\"Id\" FROM \"Deals\" d WHERE d.\"DealType\" = 'CoSell' AND d.\"Status\" IN ('New', 'Active')
  AND d.\"CustomerId\" = (SELECT \"CustomerId\" FROM \"Deals\" GROUP BY \"CustomerId\" ORDER BY COUNT(*) DESC, \"CustomerId\" LIMIT 1) ORDER BY d.\"Id\" LIMIT 1")

# A POST timed like a page: the first request, then the median of the next REPEAT, each on a fresh wizard draft
# (the load driver's), so every one creates a co-sell deal and runs channel-conflict detection; met when it answers
# with the redirect to the new deal (302) within the same targets.
measure_create() { # user
  local user=$1 code first times=() median verdict why=() i out form token
  for i in $(seq 0 "$REPEAT"); do
    eval "$(dotnet "$DRIVER" draft "$BASE" "$user")"
    form=$(curl -s -H "Cookie: $COOKIE" "$BASE$DRAFT/sharing")
    token=$(printf '%s' "$form" | tr '\n' ' ' | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
    out=$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{http_code} %{time_total}' --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Share=true" "$BASE$DRAFT/create")
    if (( i == 0 )); then read -r code first <<<"$out"; else times+=("${out#* }"); code=${out%% *}; fi
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  [[ $code == 302 ]] || why+=("status $code")
  awk -v m="$median" -v t="$MEDIAN_TARGET" 'BEGIN {exit !(m > t)}' && why+=("median")
  awk -v f="$first" -v t="$FIRST_TARGET" 'BEGIN {exit !(f > t)}' && why+=("first")
  if (( ${#why[@]} == 0 )); then verdict=met; MET=$((MET + 1)); else verdict="**missed** ($(IFS=,; echo "${why[*]}"))"; MISSED=$((MISSED + 1)); fi
  LC_ALL=C printf '| %s | `%s` | %s | %.3f | %.3f | %d | %s |\n' "$user (wizard)" "POST {draft}/create (a co-sell deal: runs detection)" "$code" "$first" "$median" 0 "$verdict" | tee -a "$ROWS"
}

LOAD_BEFORE=$(load_now)
start_app "$CONNECTION" "$OUT/pages-app-$PROVIDER.log"
# Signed in through the real login form by the load driver, as run.sh does.
REVIEWER=$(dotnet "$DRIVER" signin "$BASE" reviewer@contoso.example)
PROGRAMME=$(dotnet "$DRIVER" signin "$BASE" programme@contoso.example)
ADMIN=$(dotnet "$DRIVER" signin "$BASE" admin@northwind.example)
SALES=$(dotnet "$DRIVER" signin "$BASE" sales@northwind.example)
SORTS="Name Customer Country Value Status Type Registration Stage ReviewDue Solutions Updated"
VENDOR_SORTS="$SORTS Partner" # the Partner column is on the vendor's tabs only

every_view() { # cookie user tab has-assigned [sorts]
  local cookie=$1 user=$2 tab=$3 customer solution
  measure "$cookie" "$user" "/referrals/$tab"
  for sort in ${5:-$SORTS}; do
    for dir in asc desc; do measure "$cookie" "$user" "/referrals/$tab?sort=$sort&dir=$dir"; done
  done
  measure "$cookie" "$user" "/referrals/$tab?page=99999"
  customer=$(first_option "$cookie" "/referrals/$tab" customer)
  solution=$(first_option "$cookie" "/referrals/$tab" solution)
  local filters=("country=PT" "type=CoSell" "status=Active" "registration=Submitted" "stage=Proposed" "q=Summit%20Retail")
  [[ -n $customer ]] && filters+=("customer=$customer")
  [[ -n $solution ]] && filters+=("solution=$solution")
  [[ $4 == yes ]] && filters+=("assigned=me")
  for filter in "${filters[@]}"; do measure "$cookie" "$user" "/referrals/$tab?$filter"; done
}

for tab in shared registrations sent favorites; do every_view "$REVIEWER" reviewer@contoso.example "$tab" no "$VENDOR_SORTS"; done
for path in /insights /insights/data /inbound/new "/deals/$DEAL500"; do measure "$REVIEWER" reviewer@contoso.example "$path"; done
# Channel-conflict detection at scale (issue 19: its cost stays flat at a million deals): the deal page and the
# side-by-side page of an open co-sell deal of the customer with the most deals, then the POST that runs detection.
for path in "/deals/$CONFLICT_DEAL" "/deals/$CONFLICT_DEAL/conflicts"; do measure "$REVIEWER" reviewer@contoso.example "$path"; done
for path in /referrals/shared /referrals/sent /referrals/favorites /insights /insights/data /partners; do measure "$PROGRAMME" programme@contoso.example "$path"; done
for tab in inbound outbound favorites; do every_view "$ADMIN" admin@northwind.example "$tab" yes; done
for path in /insights /insights/data "/deals/$DEAL500" /team /solutions; do measure "$ADMIN" admin@northwind.example "$path"; done
eval "$(dotnet "$DRIVER" draft "$BASE" admin@northwind.example)"
for path in /deals/new "/deals/new?country=PT&name=Lisboa" "$DRAFT/customer" "$DRAFT/contact" "$DRAFT/details" "$DRAFT/sharing"; do
  measure "$COOKIE" "admin@northwind.example (wizard)" "$path"
done
measure_create admin@northwind.example
for path in /referrals/outbound /referrals/inbound /referrals/favorites /insights "/deals/$DEAL500"; do measure "$SALES" sales@northwind.example "$path"; done
stop_app
LOAD_AFTER=$(load_now)

MEASURED_AT=$(date -u '+%Y-%m-%d %H:%M')
declare -p MEASURED_AT LOAD_BEFORE LOAD_AFTER MET MISSED REPEAT >"$META"
write_report
echo "== $MET met, $MISSED missed: $RESULT"
