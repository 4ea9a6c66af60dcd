-- AlterTable
ALTER TABLE "Article" ADD COLUMN "commentMode" TEXT;
ALTER TABLE "Article" ADD COLUMN "section" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Article" ADD COLUMN "tags" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "PresetVersion" (
    "id" SERIAL NOT NULL,
    "presets" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresetVersion_pkey" PRIMARY KEY ("id")
);
