-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "archiveCode" TEXT;

-- CreateTable
CREATE TABLE "ArchivePackage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "retention" TEXT NOT NULL,
    "classification" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "failure" TEXT,
    "archiveNumber" TEXT,
    "itemSeq" INTEGER,
    "manifest" TEXT,
    "manifestSha256" TEXT,
    "keepUntil" TEXT,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL,
    "builtAt" DATETIME,
    "sealedAt" DATETIME,
    "sealedById" TEXT,
    "destruction" TEXT,
    "destructionListedAt" DATETIME,
    "destructionApprovedById" TEXT,
    "destructionApprovedAt" DATETIME,
    "destructionReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ArchiveFile" (
    "packageId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    PRIMARY KEY ("packageId", "path"),
    CONSTRAINT "ArchiveFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ArchivePackage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArchiveNumberCounter" (
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "retention" TEXT NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("unitId", "year", "retention")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArchivePackage_archiveNumber_key" ON "ArchivePackage"("archiveNumber");

-- CreateIndex
CREATE INDEX "ArchivePackage_status_createdAt_idx" ON "ArchivePackage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ArchivePackage_unitId_year_retention_idx" ON "ArchivePackage"("unitId", "year", "retention");

-- CreateIndex
CREATE INDEX "ArchivePackage_destruction_keepUntil_idx" ON "ArchivePackage"("destruction", "keepUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ArchivePackage_objectType_objectId_key" ON "ArchivePackage"("objectType", "objectId");


-- A package's files never change once written, and a sealed package's content, number and classification never change:
-- only its destruction fields move (listed, approved). Nothing deletes either.
CREATE TRIGGER "ArchiveFile_no_update" BEFORE UPDATE ON "ArchiveFile" BEGIN SELECT RAISE(ABORT, 'archive files are immutable'); END;
CREATE TRIGGER "ArchiveFile_no_delete" BEFORE DELETE ON "ArchiveFile" BEGIN SELECT RAISE(ABORT, 'archive files are immutable'); END;
CREATE TRIGGER "ArchivePackage_sealed_read_only" BEFORE UPDATE ON "ArchivePackage" WHEN OLD."status" = 'sealed' AND (
  NEW."status" IS NOT OLD."status" OR NEW."archiveNumber" IS NOT OLD."archiveNumber" OR NEW."manifest" IS NOT OLD."manifest"
  OR NEW."manifestSha256" IS NOT OLD."manifestSha256" OR NEW."retention" IS NOT OLD."retention"
  OR NEW."classification" IS NOT OLD."classification" OR NEW."keepUntil" IS NOT OLD."keepUntil"
  OR NEW."title" IS NOT OLD."title" OR NEW."unitId" IS NOT OLD."unitId" OR NEW."year" IS NOT OLD."year"
) BEGIN SELECT RAISE(ABORT, 'sealed archive packages are read-only'); END;
CREATE TRIGGER "ArchivePackage_no_delete" BEFORE DELETE ON "ArchivePackage" BEGIN SELECT RAISE(ABORT, 'archive packages are never deleted'); END;
