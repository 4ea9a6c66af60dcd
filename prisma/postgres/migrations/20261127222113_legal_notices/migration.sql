-- CreateTable
CREATE TABLE "LegalNotice" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "commentId" TEXT,
    "articleId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "law" TEXT NOT NULL DEFAULT '',
    "explanation" TEXT NOT NULL,
    "reporterName" TEXT NOT NULL,
    "reporterEmail" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "decisionClause" TEXT,
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalNotice_reference_key" ON "LegalNotice"("reference");

-- CreateIndex
CREATE INDEX "LegalNotice_status_createdAt_idx" ON "LegalNotice"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LegalNotice_createdAt_idx" ON "LegalNotice"("createdAt");

-- CreateIndex
CREATE INDEX "LegalNotice_reporterEmail_createdAt_idx" ON "LegalNotice"("reporterEmail", "createdAt");
