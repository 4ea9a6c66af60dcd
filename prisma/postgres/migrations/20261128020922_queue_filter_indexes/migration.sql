-- The console's story and commenter filters in the priority order (issue 16): one index range per story or per
-- commenter instead of a walk down the whole queue (bench/moderation-queue.ts measures each filter).
-- CreateIndex
CREATE INDEX "Comment_articleId_status_triageKey_id_idx" ON "Comment"("articleId", "status", "triageKey", "id");

-- CreateIndex
CREATE INDEX "Comment_userId_status_triageKey_id_idx" ON "Comment"("userId", "status", "triageKey", "id");
