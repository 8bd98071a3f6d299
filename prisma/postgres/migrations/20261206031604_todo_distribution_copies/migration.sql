-- DropIndex
DROP INDEX "OfficialDocumentDistribution_unitId_status_sentAt_idx";

-- DropIndex
DROP INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_idx";

-- AlterTable
ALTER TABLE "OfficialDocumentDistribution" ADD COLUMN     "classification" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "documentDeleted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "urgency" TEXT NOT NULL DEFAULT 'none';

-- The copies of existing rows are taken from their 公文 and its document.
UPDATE "OfficialDocumentDistribution" x
SET "classification" = d."classification", "documentDeleted" = d."deletedAt" IS NOT NULL, "urgency" = od."urgency"
FROM "OfficialDocument" od
JOIN "Document" d ON d."id" = od."documentId"
WHERE od."id" = x."officialDocumentId";

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentD_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt", "documentDeleted", "classification", "receiverId");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_docum_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt", "documentDeleted", "classification");

