-- CreateTable
CREATE TABLE "Seal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "retiredAt" DATETIME,
    CONSTRAINT "Seal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SealHolder" (
    "sealId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedAt" DATETIME NOT NULL,

    PRIMARY KEY ("sealId", "userId"),
    CONSTRAINT "SealHolder_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SealHolder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SealUse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sealId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "sm3" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "SealUse_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SealUse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Seal_unitId_idx" ON "Seal"("unitId");

-- CreateIndex
CREATE INDEX "SealHolder_userId_idx" ON "SealHolder"("userId");

-- CreateIndex
CREATE INDEX "SealUse_sealId_at_idx" ON "SealUse"("sealId", "at");

-- CreateIndex
CREATE INDEX "SealUse_officialDocumentId_idx" ON "SealUse"("officialDocumentId");

