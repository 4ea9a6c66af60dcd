-- Appeals of measures on accounts (issue 16): an appeal is about a comment or about the audit entry that imposed a
-- measure; commentId becomes optional (SQLite redefines the table to drop NOT NULL).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Appeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT,
    "measureEventId" TEXT,
    "measureKind" TEXT,
    "userId" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    CONSTRAINT "Appeal_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Appeal" ("commentId", "createdAt", "decidedAt", "decidedById", "decisionNote", "id", "statement", "status", "userId") SELECT "commentId", "createdAt", "decidedAt", "decidedById", "decisionNote", "id", "statement", "status", "userId" FROM "Appeal";
DROP TABLE "Appeal";
ALTER TABLE "new_Appeal" RENAME TO "Appeal";
CREATE UNIQUE INDEX "Appeal_commentId_key" ON "Appeal"("commentId");
CREATE UNIQUE INDEX "Appeal_measureEventId_key" ON "Appeal"("measureEventId");
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");
CREATE INDEX "Appeal_userId_idx" ON "Appeal"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

