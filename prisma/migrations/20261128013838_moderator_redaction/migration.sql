-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "originalBody" TEXT;
ALTER TABLE "Comment" ADD COLUMN "redactClause" TEXT;
ALTER TABLE "Comment" ADD COLUMN "redactNote" TEXT;

