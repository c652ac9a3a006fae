# The portal as the benchmarks run it: the Release build in $OUT/app, Production environment, logging at
# Warning, loopback only (the demo admins the load driver signs in as have no authenticator app, so the
# Production rule that admins enrol one first is off here), on the SQLite file given (or, with PROVIDER=Postgres, the PostgreSQL connection string
# given). Sourced by run.sh and pages.sh after they set BASE, PORT, OUT.
APP_PID=
stop_app() { if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
trap stop_app EXIT

start_app() {
  local db=$1 log=$2 connection
  if [[ ${PROVIDER:-Sqlite} == Postgres ]]; then connection=$db; else connection="Data Source=$db"; fi
  if curl -s -o /dev/null "$BASE/health/live"; then
    echo "port $PORT is already serving something: stop it or set PORT" >&2; exit 1
  fi
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$BASE" \
  Database__Provider="${PROVIDER:-Sqlite}" \
  ConnectionStrings__Referrals="$connection" \
  Database__MigrateOnStartup=true \
  Seed__Demo=false \
  Hosting__HttpsRedirection=false \
  Hosting__SecureCookies=false \
  RateLimits__LoginPerMinute=100000 \
  Security__RequireTwoFactorForAdmins=false \
  Serilog__MinimumLevel__Default=Warning \
  dotnet "$OUT/app/ReferralPortal.Web.dll" --contentRoot "$OUT/app" >"$log" 2>&1 &
  APP_PID=$!
  # A first start on a big database migrates it (index builds, backfills of new columns): wait up to READY_SECONDS.
  for _ in $(seq 1 $((${READY_SECONDS:-900} * 2))); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "app did not become ready; log:" >&2; cat "$log" >&2; exit 1
}
