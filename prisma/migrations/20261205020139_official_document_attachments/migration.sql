-- CreateTable
CREATE TABLE "OfficialDocumentAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialDocumentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sm3" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OfficialDocumentAttachment_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SealUse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sealId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "sm3" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "at" DATETIME NOT NULL,
    CONSTRAINT "SealUse_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SealUse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SealUse" ("at", "fileKey", "id", "officialDocumentId", "sealId", "sm3", "userId") SELECT "at", "fileKey", "id", "officialDocumentId", "sealId", "sm3", "userId" FROM "SealUse";
DROP TABLE "SealUse";
ALTER TABLE "new_SealUse" RENAME TO "SealUse";
CREATE INDEX "SealUse_sealId_at_idx" ON "SealUse"("sealId", "at");
CREATE INDEX "SealUse_officialDocumentId_idx" ON "SealUse"("officialDocumentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OfficialDocumentAttachment_sm3_idx" ON "OfficialDocumentAttachment"("sm3");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentAttachment_officialDocumentId_number_key" ON "OfficialDocumentAttachment"("officialDocumentId", "number");

