-- Undo for moderators' decisions (issue 16): see lib/moderation/undo.ts.
-- AlterTable
ALTER TABLE "ModerationEvent" ADD COLUMN "reversesId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "heldForEventId" TEXT;

-- CreateTable
CREATE TABLE "DecisionUndo" (
    "eventId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "moderatorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionUndo_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "DecisionUndo_moderatorId_createdAt_idx" ON "DecisionUndo"("moderatorId", "createdAt");
CREATE INDEX "DecisionUndo_batchId_idx" ON "DecisionUndo"("batchId");
CREATE INDEX "OutboxMessage_heldForEventId_idx" ON "OutboxMessage"("heldForEventId");
