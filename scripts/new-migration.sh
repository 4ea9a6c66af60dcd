#!/usr/bin/env bash
# One migration per provider for what changed in prisma/schema.prisma since the last commit, computed from
# the committed and the edited schemas (no database needed: Prisma 6's JavaScript engine cannot diff
# against a live database when a driver adapter is configured).
#   bash scripts/new-migration.sh add_something      then review both migration.sql files and commit them
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh NAME}
stamp=$(date -u +%Y%m%d%H%M%S)
old=$(mktemp -d)
git show HEAD:prisma/schema.prisma > "$old/sqlite.prisma"
git show HEAD:prisma/postgres/schema.prisma > "$old/postgres.prisma"
node scripts/derive-pg-schema.mjs
mkdir -p "prisma/migrations/${stamp}_$name" "prisma/postgres/migrations/${stamp}_$name"
DATABASE_URL=file:./data/migration-diff.db npx prisma migrate diff --from-schema-datamodel "$old/sqlite.prisma" --to-schema-datamodel prisma/schema.prisma --script > "prisma/migrations/${stamp}_$name/migration.sql"
DATABASE_URL=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test} npx prisma migrate diff --from-schema-datamodel "$old/postgres.prisma" --to-schema-datamodel prisma/postgres/schema.prisma --script > "prisma/postgres/migrations/${stamp}_$name/migration.sql"
rm -rf "$old"
echo "wrote prisma/migrations/${stamp}_$name and prisma/postgres/migrations/${stamp}_$name"
