-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfficialDocumentDistribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialDocumentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "receiverId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sentById" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "signedById" TEXT,
    "signedAt" DATETIME,
    "refusedById" TEXT,
    "refusedAt" DATETIME,
    "refusalReason" TEXT,
    "recalledById" TEXT,
    "recalledAt" DATETIME,
    "finishedById" TEXT,
    "finishedAt" DATETIME,
    "result" TEXT,
    "reissueOfId" TEXT,
    "incomingDocumentId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 0,
    "documentDeleted" BOOLEAN NOT NULL DEFAULT false,
    "urgency" TEXT NOT NULL DEFAULT 'none',
    CONSTRAINT "OfficialDocumentDistribution_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocumentDistribution_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The copies of existing rows are taken from their 公文 and its document.
INSERT INTO "new_OfficialDocumentDistribution" ("finishedAt", "finishedById", "id", "incomingDocumentId", "officialDocumentId", "recalledAt", "recalledById", "receiverId", "refusalReason", "refusedAt", "refusedById", "reissueOfId", "result", "revision", "role", "sentAt", "sentById", "signedAt", "signedById", "status", "unitId", "updatedAt", "classification", "documentDeleted", "urgency")
SELECT x."finishedAt", x."finishedById", x."id", x."incomingDocumentId", x."officialDocumentId", x."recalledAt", x."recalledById", x."receiverId", x."refusalReason", x."refusedAt", x."refusedById", x."reissueOfId", x."result", x."revision", x."role", x."sentAt", x."sentById", x."signedAt", x."signedById", x."status", x."unitId", x."updatedAt", d."classification", d."deletedAt" IS NOT NULL, od."urgency"
FROM "OfficialDocumentDistribution" x
JOIN "OfficialDocument" od ON od."id" = x."officialDocumentId"
JOIN "Document" d ON d."id" = od."documentId";
DROP TABLE "OfficialDocumentDistribution";
ALTER TABLE "new_OfficialDocumentDistribution" RENAME TO "OfficialDocumentDistribution";
CREATE UNIQUE INDEX "OfficialDocumentDistribution_reissueOfId_key" ON "OfficialDocumentDistribution"("reissueOfId");
CREATE UNIQUE INDEX "OfficialDocumentDistribution_incomingDocumentId_key" ON "OfficialDocumentDistribution"("incomingDocumentId");
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentDeleted_classification_receiverId_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt", "documentDeleted", "classification", "receiverId");
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_documentDeleted_classification_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt", "documentDeleted", "classification");
CREATE INDEX "OfficialDocumentDistribution_officialDocumentId_sentAt_idx" ON "OfficialDocumentDistribution"("officialDocumentId", "sentAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

