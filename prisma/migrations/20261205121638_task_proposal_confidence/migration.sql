-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TaskProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "minutesDocumentId" TEXT NOT NULL,
    "decisionId" TEXT,
    "sourceKey" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL DEFAULT '',
    "leadUnits" TEXT NOT NULL DEFAULT '[]',
    "coUnits" TEXT NOT NULL DEFAULT '[]',
    "owners" TEXT NOT NULL DEFAULT '[]',
    "coOwners" TEXT NOT NULL DEFAULT '[]',
    "due" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "confidence" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "editedAt" DATETIME,
    "taskId" TEXT,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_TaskProposal" ("classification", "coOwners", "coUnits", "createdAt", "decisionId", "due", "editedAt", "id", "leadUnits", "meetingId", "minutesDocumentId", "needsReview", "origin", "owners", "parentId", "position", "sourceKey", "sourceText", "status", "taskId", "title", "updatedAt") SELECT "classification", "coOwners", "coUnits", "createdAt", "decisionId", "due", "editedAt", "id", "leadUnits", "meetingId", "minutesDocumentId", "needsReview", "origin", "owners", "parentId", "position", "sourceKey", "sourceText", "status", "taskId", "title", "updatedAt" FROM "TaskProposal";
DROP TABLE "TaskProposal";
ALTER TABLE "new_TaskProposal" RENAME TO "TaskProposal";
CREATE UNIQUE INDEX "TaskProposal_taskId_key" ON "TaskProposal"("taskId");
CREATE INDEX "TaskProposal_status_createdAt_idx" ON "TaskProposal"("status", "createdAt");
CREATE UNIQUE INDEX "TaskProposal_meetingId_sourceKey_key" ON "TaskProposal"("meetingId", "sourceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

