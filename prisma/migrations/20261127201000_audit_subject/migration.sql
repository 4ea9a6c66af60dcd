-- AlterTable
ALTER TABLE "ModerationEvent" ADD COLUMN "subjectUserId" TEXT;

-- CreateIndex
CREATE INDEX "ModerationEvent_subjectUserId_createdAt_idx" ON "ModerationEvent"("subjectUserId", "createdAt");
