-- CreateTable
CREATE TABLE "OfficialDocumentDistribution" (
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
    CONSTRAINT "OfficialDocumentDistribution_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocumentDistribution_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentDistribution_reissueOfId_key" ON "OfficialDocumentDistribution"("reissueOfId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentDistribution_incomingDocumentId_key" ON "OfficialDocumentDistribution"("incomingDocumentId");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_officialDocumentId_sentAt_idx" ON "OfficialDocumentDistribution"("officialDocumentId", "sentAt");

