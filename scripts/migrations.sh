#!/usr/bin/env bash
# Keeps the two migration sets (SQLite and SQL Server) in step with the model.
#   scripts/migrations.sh add <Name>   add a migration to both sets
#   scripts/migrations.sh check        fail when either set lags the model (CI runs this)
#   scripts/migrations.sh script       print the idempotent SQL Server script
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
SQLSERVER_CS='Server=localhost;Database=ReferralPortal;Trusted_Connection=True;TrustServerCertificate=True'
ef() {
  local provider=$1; shift
  local extra=()
  [[ $provider == SqlServer ]] && extra=("--ConnectionStrings:Referrals=$SQLSERVER_CS")
  dotnet ef "$@" --project "src/ReferralPortal.Data.$provider" --startup-project src/ReferralPortal.Web -- "--Database:Provider=$provider" "${extra[@]}"
}
case "${1:-}" in
  add)
    ef Sqlite migrations add "$2" --output-dir Migrations
    ef SqlServer migrations add "$2" --output-dir Migrations --no-build
    ;;
  check)
    dotnet build src/ReferralPortal.Web -v q -nologo >/dev/null
    ef Sqlite migrations has-pending-model-changes --no-build
    ef SqlServer migrations has-pending-model-changes --no-build
    ;;
  script)
    ef SqlServer migrations script --idempotent
    ;;
  *)
    echo "usage: $0 add <Name> | check | script" >&2
    exit 2
    ;;
esac
