-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfficialDocumentHandler" (
    "officialDocumentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "opinion" TEXT NOT NULL DEFAULT '',
    "since" DATETIME NOT NULL,

    PRIMARY KEY ("officialDocumentId", "userId"),
    CONSTRAINT "OfficialDocumentHandler_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OfficialDocumentHandler" ("officialDocumentId", "since", "stepId", "userId") SELECT "officialDocumentId", "since", "stepId", "userId" FROM "OfficialDocumentHandler";
DROP TABLE "OfficialDocumentHandler";
ALTER TABLE "new_OfficialDocumentHandler" RENAME TO "OfficialDocumentHandler";
-- The kind of each waiting row's step, read once from the route (the route engine writes it on new rows).
UPDATE "OfficialDocumentHandler" SET "opinion" = COALESCE((
    SELECT json_extract(s.value, '$.opinion')
    FROM "OfficialDocument" od, json_each(od."route", '$.steps') s
    WHERE od."id" = "OfficialDocumentHandler"."officialDocumentId"
      AND json_extract(s.value, '$.id') = "OfficialDocumentHandler"."stepId"
), '');
CREATE INDEX "OfficialDocumentHandler_userId_since_idx" ON "OfficialDocumentHandler"("userId", "since");
CREATE INDEX "OfficialDocumentHandler_userId_officialDocumentId_stepId_since_opinion_idx" ON "OfficialDocumentHandler"("userId", "officialDocumentId", "stepId", "since", "opinion");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Document_id_deletedAt_classification_idx" ON "Document"("id", "deletedAt", "classification");

-- CreateIndex
CREATE INDEX "OfficialDocument_id_documentId_urgency_idx" ON "OfficialDocument"("id", "documentId", "urgency");

-- CreateIndex
CREATE INDEX "OfficialDocumentOpinion_userId_createdAt_idx" ON "OfficialDocumentOpinion"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionEvent_actorId_kind_at_idx" ON "SupervisionEvent"("actorId", "kind", "at");

