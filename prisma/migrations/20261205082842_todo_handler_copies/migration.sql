-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfficialDocumentHandler" (
    "officialDocumentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "opinion" TEXT NOT NULL DEFAULT '',
    "since" DATETIME NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 0,
    "documentDeleted" BOOLEAN NOT NULL DEFAULT false,
    "urgency" TEXT NOT NULL DEFAULT 'none',

    PRIMARY KEY ("officialDocumentId", "userId"),
    CONSTRAINT "OfficialDocumentHandler_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The copies of existing rows are taken from their 公文 and its document.
INSERT INTO "new_OfficialDocumentHandler" ("officialDocumentId", "opinion", "since", "stepId", "userId", "classification", "documentDeleted", "urgency")
SELECT h."officialDocumentId", h."opinion", h."since", h."stepId", h."userId", d."classification", d."deletedAt" IS NOT NULL, od."urgency"
FROM "OfficialDocumentHandler" h
JOIN "OfficialDocument" od ON od."id" = h."officialDocumentId"
JOIN "Document" d ON d."id" = od."documentId";
DROP TABLE "OfficialDocumentHandler";
ALTER TABLE "new_OfficialDocumentHandler" RENAME TO "OfficialDocumentHandler";
CREATE INDEX "OfficialDocumentHandler_userId_since_idx" ON "OfficialDocumentHandler"("userId", "since");
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "classification", "officialDocumentId", "stepId", "since", "opinion", "urgency");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

