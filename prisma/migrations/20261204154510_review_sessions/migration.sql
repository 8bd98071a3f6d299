-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN "nameKey" TEXT;
ALTER TABLE "DocumentVersion" ADD COLUMN "nameParams" TEXT;

-- CreateTable
CREATE TABLE "ReviewSession" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "decisions" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewSession_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Versions taken before review decisions until now carried both languages in one name; they become the key (without
-- parameters, which were not recorded), so each reader sees them in their own language.
UPDATE "DocumentVersion" SET "nameKey" = 'review_decisions', "name" = '审阅决定前' WHERE "reason" = 'review' AND "name" = '审阅决定前 / before review decisions';
