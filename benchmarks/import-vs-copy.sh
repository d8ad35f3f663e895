#!/usr/bin/env bash
# Bulk import against the PostgreSQL ceiling, on the same rows at the same moment (issue #5, 3a):
# COPY of the journal CSV into a plain table with the journal's columns, then `ledger import` of
# the same file into the same (fresh) database. Prints both rates and their ratio.
#
#   benchmarks/import-vs-copy.sh JOURNAL.csv [DATABASE] [JAVA_OPTS]
#
# DATABASE (default import_bench) is dropped and created on 127.0.0.1:5432 as user postgres.
# The import's rate is the one it reports (file read to commit, JVM start-up excluded); its wall
# time, start-up and the shutdown work of the process included (at 1M rows mostly the sealing of
# every new event, see README "Security and integrity"), is printed beside it.
set -euo pipefail
file=$(realpath "$1"); db=${2:-import_bench}; opts=${3:--Xmx1g}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pg=(-h 127.0.0.1 -U postgres)
dropdb "${pg[@]}" --if-exists "$db"
createdb "${pg[@]}" "$db"
# The plain table lives in its own schema: Flyway wants the public schema to itself.
psql "${pg[@]}" -d "$db" -qc "CREATE SCHEMA bench; CREATE TABLE bench.plain (id varchar(64), date date,
  kind varchar(32), unit varchar(64), unit_name varchar(200), fund varchar(16), functional varchar(7),
  economic varchar(5), nature varchar(16), project varchar(64), project_name varchar(200),
  amount numeric(20,2), voucher varchar(64), memo varchar(500), reverses varchar(64),
  procurement varchar(16), sme boolean)"
header=$(awk '!/^#/ {print; exit}' "$file")
rows=$(( $(grep -vc '^#' "$file") - 1 ))
start=$(date +%s.%N)
grep -v '^#' "$file" | psql "${pg[@]}" -d "$db" -qc "\\copy bench.plain ($header) FROM STDIN CSV HEADER"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)
printf 'rows %d: COPY into a plain table %.2f s (%.0f rows/s)\n' "$rows" "$copy_s" "$(echo "$rows / $copy_s" | bc -l)"
start=$(date +%s.%N)
out=$(LEDGER_JAVA_OPTS="$opts -Dlogging.level.ledger.api.recording=DEBUG" "$here/ledger" import "$file" \
      --db "jdbc:postgresql://127.0.0.1:5432/$db" 2>&1) || { echo "$out" | tail -20; exit 1; }
wall_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "$out" | grep -E "import of|imported" | sed 's/^.*JournalImport *: //'
import_s=$(echo "$out" | grep -o 'events in [0-9.]* s' | grep -o '[0-9.]*' | tail -1)
printf 'rows %d: COPY %.2f s (%.0f rows/s); import %.2f s (%.0f rows/s); ratio %.3f; import wall time %.1f s\n' \
  "$rows" "$copy_s" "$(echo "$rows / $copy_s" | bc -l)" "$import_s" "$(echo "$rows / $import_s" | bc -l)" \
  "$(echo "$copy_s / $import_s" | bc -l)" "$wall_s"
