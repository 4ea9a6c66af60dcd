-- Undo for moderators' decisions (issue 16): see lib/moderation/undo.ts.
-- AlterTable
ALTER TABLE "ModerationEvent" ADD COLUMN "reversesId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "heldForEventId" TEXT;

-- CreateTable
CREATE TABLE "DecisionUndo" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "moderatorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "undoneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DecisionUndo_moderatorId_createdAt_idx" ON "DecisionUndo"("moderatorId", "createdAt");
CREATE INDEX "DecisionUndo_batchId_idx" ON "DecisionUndo"("batchId");
CREATE INDEX "OutboxMessage_heldForEventId_idx" ON "OutboxMessage"("heldForEventId");
