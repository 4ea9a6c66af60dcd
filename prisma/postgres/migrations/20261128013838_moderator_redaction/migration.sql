-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "originalBody" TEXT,
ADD COLUMN     "redactClause" TEXT,
ADD COLUMN     "redactNote" TEXT;
