-- The priority order of the moderation queues (issue 16): see lib/moderation/triage.ts for the key. Existing rows in the
-- Pending and Reported queues get their key here, with the clause urgencies of lib/policy/clauses.ts as they stand
-- at this migration (3 hate and threats, privacy, 2 civility, impersonation, 1 other clauses, 0 moderation).
ALTER TABLE "Comment" ADD COLUMN "triageKey" TEXT NOT NULL DEFAULT '';

UPDATE "Comment" SET "triageKey" = (CASE WHEN "reasons" LIKE '%"clause":"hate-and-threats"%'
         OR "reasons" LIKE '%"clause":"privacy"%'
         OR EXISTS (SELECT 1 FROM "Report" r WHERE r."commentId" = "Comment"."id" AND r."clause" IN ('hate-and-threats', 'privacy')) THEN '3'
    WHEN "reasons" LIKE '%"clause":"civility"%'
         OR "reasons" LIKE '%"clause":"impersonation"%'
         OR EXISTS (SELECT 1 FROM "Report" r WHERE r."commentId" = "Comment"."id" AND r."clause" IN ('civility', 'impersonation')) THEN '2'
    WHEN "reasons" LIKE '%"clause":"on-topic"%'
         OR "reasons" LIKE '%"clause":"spam"%'
         OR "reasons" LIKE '%"clause":"links"%'
         OR "reasons" LIKE '%"clause":"language"%'
         OR EXISTS (SELECT 1 FROM "Report" r WHERE r."commentId" = "Comment"."id" AND r."clause" IN ('on-topic', 'spam', 'links', 'language')) THEN '1'
    ELSE '0' END)
  || '-' || printf('%06d', MIN("reportCount", 999999))
  || '-' || printf('%013d', 9999999999999 - (CASE typeof("createdAt") WHEN 'integer' THEN "createdAt"
       ELSE CAST(strftime('%s', "createdAt") AS INTEGER) * 1000 + CAST(substr("createdAt", 21, 3) AS INTEGER) END))
WHERE "status" = 'PENDING' OR ("status" = 'PUBLISHED' AND "reportCount" > 0);

-- CreateIndex
CREATE INDEX "Comment_status_triageKey_id_idx" ON "Comment"("status", "triageKey", "id");
