#!/usr/bin/env bash
# Rewrites the initial migrations from the schema. Only while nothing has been deployed (first session).
set -euo pipefail
npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/20261125000000_init/migration.sql
DATABASE_URL=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test} npx prisma migrate diff --from-empty --to-schema-datamodel prisma/postgres/schema.prisma --script > prisma/postgres/migrations/20261125000000_init/migration.sql
