#!/usr/bin/env bash
# Reproducible benchmark of the portal at 10k and 1M deals (issues 7, 16 and 17), on SQLite and PostgreSQL in one run.
#   benchmarks/run.sh                       # seeds benchmarks/data/{10k,1M}.db once, then measures both providers;
#                                           # writes benchmarks/RESULTS.md with the two side by side
#   RUNS=5 DURATION=15 benchmarks/run.sh
#   PROVIDERS=Sqlite benchmarks/run.sh      # one provider only (Sqlite, Postgres, or both: "Sqlite Postgres")
#   SEED_ONLY=1 benchmarks/run.sh           # only seed the SQLite files (takes a while at 1M)
#   PROVIDERS=Postgres APPEND=1 benchmarks/run.sh   # add a provider to the last run's figures
#   PG_KEEP=benchmarks/data/pg benchmarks/run.sh     # keep the PostgreSQL cluster (and its copied databases) in that
#                                                     # folder between runs: the copy is made once, later runs start
#                                                     # the same cluster and measure (the app migrates it on start)
#   PG_KEEP=benchmarks/data/pg COPY_ONLY=1 PROVIDERS=Postgres benchmarks/run.sh   # only make the PostgreSQL copies
# PostgreSQL runs on a throw-away cluster (scripts/postgres-cluster.sh) filled by COPY from the same SQLite files.
# Release build, Production environment, logging at Warning, app on loopback only, wrk at a fixed
# connection count. Each scenario runs RUNS times; the table shows medians. Ratios are computed
# from figures measured side by side in this one run. The machine's load (1-minute load average and the CPU
# pressure "some avg10" of /proc/pressure/cpu) is recorded before each scenario and shown beside its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-5199}
SIZES=${SIZES:-"10000 1000000"}
PROVIDERS=${PROVIDERS:-${PROVIDER:-"Sqlite Postgres"}}
BASE="http://127.0.0.1:$PORT"
OUT_ROOT="$ROOT/benchmarks/out"
DATA="$ROOT/benchmarks/data"
REPORT="$ROOT/benchmarks/RESULTS.md"
for provider in $PROVIDERS; do
  case $provider in Sqlite|Postgres) ;; *) echo "PROVIDERS holds Sqlite and/or Postgres, not $provider" >&2; exit 2 ;; esac
done
mkdir -p "$OUT_ROOT" "$DATA"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

echo "== build (Release)"
dotnet build tools/ReferralPortal.VolumeSeeder -c Release -v q -nologo >/dev/null

label() { case $1 in 10000) echo 10k;; 1000000) echo 1M;; *) echo "$1";; esac; }

for size in $SIZES; do
  db="$DATA/$(label "$size").db"
  if [[ ! -f $db ]]; then
    echo "== seed $(label "$size") deals into $db"
    dotnet run -c Release --no-build --project tools/ReferralPortal.VolumeSeeder -- --deals "$size" --db "$db"
  fi
done
[[ -n ${SEED_ONLY:-} ]] && exit 0
DRIVER="$ROOT/tools/ReferralPortal.LoadDriver/bin/Release/net10.0/ReferralPortal.LoadDriver.dll"
# REPORT_ONLY=1: write RESULTS.md again from the last run's figures (e.g. after editing ANALYSIS.md), measuring nothing.
if [[ -n ${REPORT_ONLY:-} ]]; then
  ANALYSIS="$ROOT/benchmarks/ANALYSIS.md" dotnet "$DRIVER" report "$OUT_ROOT/results.tsv" "$OUT_ROOT" >"$REPORT"; cat "$REPORT"; exit 0
fi

OUT=$OUT_ROOT
dotnet publish src/ReferralPortal.Web -c Release -o "$OUT/app" -v q -nologo >/dev/null
dotnet build tools/ReferralPortal.LoadDriver -c Release -v q -nologo >/dev/null

# shellcheck source=benchmarks/app.sh
source "$ROOT/benchmarks/app.sh"

PG_DIR=
stop_pg() {
  if [[ -n $PG_DIR ]]; then
    if [[ -n ${PG_KEEP:-} ]]; then "$ROOT/scripts/postgres-cluster.sh" halt "$PG_DIR" || true
    else "$ROOT/scripts/postgres-cluster.sh" stop "$PG_DIR" || true; fi
    PG_DIR=
  fi
}
trap 'stop_app; stop_pg' EXIT
if [[ " $PROVIDERS " == *" Postgres "* ]]; then
  if [[ -n ${PG_KEEP:-} ]]; then mkdir -p "$PG_KEEP"; PG_DIR=$(cd "$PG_KEEP" && pwd)
  else PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/referralportal-bench-pg.XXXXXX"); fi
  PG_SERVER=$("$ROOT/scripts/postgres-cluster.sh" start "$PG_DIR")
fi

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; }

# The machine's load right now: "1-minute load average / CPU pressure some avg10 %".
load_now() { printf '%s / %s%%' "$(cut -d' ' -f1 /proc/loadavg)" "$(awk '/^some/ {sub("avg10=","",$2); print $2}' /proc/pressure/cpu 2>/dev/null || echo '?')"; }

# Runs a command with its output in file $1 while sampling the app's resident set; prints the peak in KB.
with_peak_rss() {
  local out=$1; shift
  local peak_file; peak_file=$(mktemp)
  rss_kb >"$peak_file"
  ( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do r=$(rss_kb); if (( r > peak )); then peak=$r; echo "$peak" >"$peak_file"; fi; sleep 0.1; done ) &
  local sampler=$!
  "$@" >"$out" 2>&1 || true
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  local peak; peak=$(cat "$peak_file"); rm -f "$peak_file"
  echo "${peak:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

to_ms() { # wrk latency like 1.23ms / 850.00us / 1.02s -> ms
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v+0 } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'
}

RESULTS="$OUT_ROOT/results.tsv"
# APPEND=1 keeps the figures already measured (e.g. PROVIDERS=Postgres APPEND=1 after a SQLite-only run).
[[ -n ${APPEND:-} || -n ${COPY_ONLY:-} ]] || : >"$RESULTS"

# One line of results: provider, scenario, size, rps, p50, p99, peak MB, non-2xx, load.
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$PROVIDER" "$@" >>"$RESULTS"; echo "   $PROVIDER $1 @ $2: $(tail -1 "$RESULTS" | cut -f4-)"; }

run_wrk() { # name size url [cookie]
  local name=$1 size=$2 url=$3 cookie=${4:-}
  local rps=() p50=() p99=() peaks=() bad=0 load
  load=$(load_now)
  for i in $(seq 1 "$RUNS"); do
    # A response slower than wrk's default 2 s timeout would count as no response at all: wait up to TIMEOUT.
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${TIMEOUT:-30}s" --latency)
    [[ -n $cookie ]] && args+=(-H "Cookie: $cookie")
    local peak
    peak=$(with_peak_rss "$OUT/wrk.txt" wrk "${args[@]}" "$url")
    rps+=("$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")")
    p50+=("$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")")")
    p99+=("$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")")")
    peaks+=("$peak")
    local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt"); bad=$((bad + ${non2xx:-0}))
  done
  record "$name" "$(label "$size")" \
    "$(printf '%s\n' "${rps[@]}" | median)" "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" \
    "$(( $(printf '%s\n' "${peaks[@]}" | sort -n | tail -1) / 1024 ))" "$bad" "$load"
}

for PROVIDER in $PROVIDERS; do
  export PROVIDER  # read by start_app (app.sh)
  OUT="$OUT_ROOT/$PROVIDER"
  mkdir -p "$OUT"
  ln -sfn "$OUT_ROOT/app" "$OUT/app"
  for size in $SIZES; do
    db="$DATA/$(label "$size").db"
    if [[ $PROVIDER == Postgres ]]; then
      # The same rows, copied into a database of the run's cluster by COPY; the app then runs on it.
      # With PG_KEEP, a copy made by an earlier run (its marker written after the copy finished) is used again (the
      # app migrates it like the SQLite file; delete the marker, or the folder, after seeding the SQLite files anew).
      copied="$PG_DIR/copied-$(label "$size")"
      if [[ -z ${PG_KEEP:-} || ! -f $copied ]]; then
        echo "== copy $(label "$size") deals into PostgreSQL"
        rm -f "$copied"
        dotnet run -c Release --no-build --project tools/ReferralPortal.VolumeSeeder -- --deals "$size" --db "$db" --reuse \
          --postgres "${PG_SERVER/Database=postgres/Database=rp_bench_$(label "$size")}"
        date -u >"$copied"
      else
        echo "== PostgreSQL copy of $(label "$size") deals kept from $(cat "$copied")"
      fi
      db="${PG_SERVER/Database=postgres/Database=rp_bench_$(label "$size")}"
      [[ -n ${COPY_ONLY:-} ]] && continue
    fi
    log="$OUT/app-$(label "$size").log"
    # A first start on a new database migrates it, counts rollups if it has none and creates the data-protection
    # key ring (and says so once); measure after it.
    start_app "$db" "$OUT/first-start-$(label "$size").log"; stop_app
    echo "== measure $PROVIDER $(label "$size")"
    start_app "$db" "$log"
    idle_kb=$(rss_kb)

    # Sign in through the real form; the driver prints the cookie header and sample ids/values to use.
    eval "$(dotnet "$DRIVER" prepare "$BASE" sales@northwind.example)"

    run_wrk "1 Login page (baseline)" "$size" "$BASE/account/login"
    run_wrk "2 Outbound, default" "$size" "$BASE/referrals/outbound" "$COOKIE"
    run_wrk "3 Outbound, Country+Status" "$size" "$BASE/referrals/outbound?$FILTER_QUERY" "$COOKIE"
    # SEARCH_QUERY (from the driver) is q=Summit Retail: it matches sales@northwind's Outbound deals at both sizes
    # in about the same share, 15 of 2,741 at 10k (0.55 %) and 1,721 of 272,468 at 1M (0.63 %), by deal and customer
    # name alike. The earlier "Summit Harbor" matched none at 10k, so the 1M/10k ratio compared a page of 766
    # matches with an empty page.
    run_wrk "4 Outbound, search" "$size" "$BASE/referrals/outbound?$SEARCH_QUERY" "$COOKIE"
    run_wrk "5 Favorites" "$size" "$BASE/referrals/favorites" "$COOKIE"
    run_wrk "6 Deal page" "$size" "$BASE/deals/$DEAL_ID" "$COOKIE"

    # 7: the whole New deal wizard as one scripted sequence (the driver posts every step and the create).
    load=$(load_now)
    peak=$(with_peak_rss "$OUT/wizard.txt" dotnet "$DRIVER" wizard "$BASE" admin@northwind.example "$((RUNS * 20))")
    record "7 New deal wizard (sequences)" "$(label "$size")" "$(awk '/rps/ {print $2}' "$OUT/wizard.txt")" \
      "$(awk '/p50/ {print $2}' "$OUT/wizard.txt")" "$(awk '/p99/ {print $2}' "$OUT/wizard.txt")" "$((peak / 1024))" "$(awk '/non2xx/ {print $2}' "$OUT/wizard.txt")" "$load"

    # 8: CSV export of 50,000 rows: time and peak memory over the idle app.
    idle_kb=$(rss_kb)
    load=$(load_now)
    start=$(date +%s.%N)
    peak=$(with_peak_rss "$OUT/export.log" curl -fs -H "Cookie: $COOKIE" -o "$OUT/export.csv" "$BASE/referrals/outbound/export?$EXPORT_QUERY")
    secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e-s}')
    rows=$(($(wc -l <"$OUT/export.csv") - 1))
    record "8 CSV export" "$(label "$size")" "-" "-" "-" "$((peak / 1024)) (+$(((peak - idle_kb) / 1024)) over idle; $rows rows, ${secs}s)" "0" "$load"

    grep -E '"@l":"(Warning|Error|Fatal)"|\[(WRN|ERR|FTL)\]' "$log" >"$OUT/warnings-$(label "$size").txt" || true
    stop_app
  done
done

[[ -n ${COPY_ONLY:-} ]] && exit 0
ANALYSIS="$ROOT/benchmarks/ANALYSIS.md" dotnet "$DRIVER" report "$RESULTS" "$OUT_ROOT" >"$REPORT"
cat "$REPORT"
