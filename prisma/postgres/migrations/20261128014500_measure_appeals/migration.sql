-- Appeals of measures on accounts (issue 16): an appeal is about a comment or about the audit entry that imposed a
-- measure. PostgreSQL 12+ accepts both enum values in one migration (neither is used in it).
-- AlterEnum


ALTER TYPE "AppealStatus" ADD VALUE 'LIFTED';
ALTER TYPE "AppealStatus" ADD VALUE 'MOOT';

-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "measureEventId" TEXT,
ADD COLUMN     "measureKind" TEXT,
ALTER COLUMN "commentId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_measureEventId_key" ON "Appeal"("measureEventId");

-- CreateIndex
CREATE INDEX "Appeal_userId_idx" ON "Appeal"("userId");

