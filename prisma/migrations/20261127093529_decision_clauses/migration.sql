-- CreateTable
CREATE TABLE "DecisionClause" (
    "eventId" TEXT NOT NULL,
    "clause" TEXT NOT NULL,
    "commentId" TEXT,
    "actorType" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("eventId", "clause"),
    CONSTRAINT "DecisionClause_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ModerationEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DecisionClause_createdAt_idx" ON "DecisionClause"("createdAt");


-- Backfill: automatic decisions (and held edits) cite every clause in the comment's stored reasons;
-- a moderator's rejection cites its one clause. Entries from before this table recorded only the first.
INSERT OR IGNORE INTO "DecisionClause" ("eventId", "clause", "commentId", "actorType", "action", "createdAt")
SELECT DISTINCT e."id", json_extract(r.value, '$.clause'), e."commentId", e."actorType", e."action", e."createdAt"
FROM "ModerationEvent" e
JOIN "Comment" c ON c."id" = e."commentId" AND json_valid(c."reasons")
JOIN json_each(c."reasons") r
WHERE ((e."actorType" = 'rule' AND e."action" IN ('auto-hold', 'auto-reject')) OR e."action" = 'edit-held')
  AND json_extract(r.value, '$.clause') IS NOT NULL;

INSERT OR IGNORE INTO "DecisionClause" ("eventId", "clause", "commentId", "actorType", "action", "createdAt")
SELECT e."id", e."clause", e."commentId", e."actorType", e."action", e."createdAt"
FROM "ModerationEvent" e
WHERE e."clause" IS NOT NULL AND ((e."actorType" = 'rule' AND e."action" IN ('auto-hold', 'auto-reject')) OR e."action" = 'edit-held' OR (e."actorType" = 'moderator' AND e."action" = 'reject'));
