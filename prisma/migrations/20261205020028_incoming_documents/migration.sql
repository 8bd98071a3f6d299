-- CreateTable
CREATE TABLE "IncomingDocument" (
    "officialDocumentId" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "distributionId" TEXT,
    "sourceUnit" TEXT NOT NULL,
    "sourceNumber" TEXT NOT NULL DEFAULT '',
    "copies" INTEGER NOT NULL DEFAULT 1,
    "dueDate" TEXT,
    "scanSha256" TEXT,
    "scanFileName" TEXT,
    "scanSize" INTEGER,
    "registeredById" TEXT NOT NULL,
    "registeredAt" DATETIME NOT NULL,
    "result" TEXT,
    "finishedById" TEXT,
    "finishedAt" DATETIME,
    CONSTRAINT "IncomingDocument_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncomingNumberCounter" (
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("unitId", "year")
);

-- CreateIndex
CREATE UNIQUE INDEX "IncomingDocument_distributionId_key" ON "IncomingDocument"("distributionId");

-- CreateIndex
CREATE INDEX "IncomingDocument_scanSha256_idx" ON "IncomingDocument"("scanSha256");

-- CreateIndex
CREATE UNIQUE INDEX "IncomingDocument_unitId_year_seq_key" ON "IncomingDocument"("unitId", "year", "seq");

