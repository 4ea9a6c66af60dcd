-- A reply's email to a reader goes after a short delay, written from the reply as it is then (issue 17).
-- CreateTable
CREATE TABLE "ReplyNotification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplyNotification_commentId_userId_key" ON "ReplyNotification"("commentId", "userId");

-- CreateIndex
CREATE INDEX "ReplyNotification_doneAt_dueAt_idx" ON "ReplyNotification"("doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "ReplyNotification_userId_idx" ON "ReplyNotification"("userId");
