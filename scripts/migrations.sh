#!/usr/bin/env bash
# Keeps the three migration sets (SQLite, SQL Server, PostgreSQL) in step with the model.
#   scripts/migrations.sh add <Name> [Provider...]   add a migration to every set (or only to the providers named)
#   scripts/migrations.sh check                      fail when any set lags the model (CI runs this)
#   scripts/migrations.sh script [Provider]          print the idempotent SQL script (SqlServer by default, or Postgres)
# None of these connects to a database: the connection strings below only choose the provider's SQL dialect.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
PROVIDERS=(Sqlite SqlServer Postgres)
SQLSERVER_CS='Server=localhost;Database=ReferralPortal;Trusted_Connection=True;TrustServerCertificate=True'
POSTGRES_CS='Host=localhost;Database=referrals;Username=referrals'
ef() {
  local provider=$1; shift
  local extra=()
  [[ $provider == SqlServer ]] && extra=("--ConnectionStrings:Referrals=$SQLSERVER_CS")
  [[ $provider == Postgres ]] && extra=("--ConnectionStrings:Referrals=$POSTGRES_CS")
  dotnet ef "$@" --project "src/ReferralPortal.Data.$provider" --startup-project src/ReferralPortal.Web -- "--Database:Provider=$provider" "${extra[@]}"
}
case "${1:-}" in
  add)
    [[ -n ${2:-} ]] || { echo "usage: $0 add <Name> [Provider...]" >&2; exit 2; }
    name=$2; shift 2
    chosen=("${@:-${PROVIDERS[@]}}")
    dotnet build src/ReferralPortal.Web -v q -nologo >/dev/null
    for provider in "${chosen[@]}"; do
      ef "$provider" migrations add "$name" --output-dir Migrations --no-build
    done
    ;;
  check)
    dotnet build src/ReferralPortal.Web -v q -nologo >/dev/null
    for provider in "${PROVIDERS[@]}"; do
      ef "$provider" migrations has-pending-model-changes --no-build
    done
    ;;
  script)
    ef "${2:-SqlServer}" migrations script --idempotent
    ;;
  *)
    echo "usage: $0 add <Name> [Provider...] | check | script [SqlServer|Postgres]" >&2
    exit 2
    ;;
esac
