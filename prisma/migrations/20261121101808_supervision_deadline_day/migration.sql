-- The deadline in force as a China calendar day: deadlineAt is the end of that day (16:00 UTC), so existing rows
-- are filled from it. RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupervisionTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "basisType" TEXT NOT NULL,
    "basisText" TEXT NOT NULL DEFAULT '',
    "minutesDocumentId" TEXT,
    "decisionAnchor" TEXT,
    "sourceDocumentId" TEXT,
    "instructedById" TEXT,
    "leadUnitId" TEXT NOT NULL,
    "ownerId" TEXT,
    "supervisorId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "classification" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'pending_sign',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "dueDate" TEXT NOT NULL,
    "originalDueDate" TEXT NOT NULL,
    "rectification" TEXT,
    "rectifyDueDate" TEXT,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "deadlineAt" DATETIME NOT NULL,
    "deadlineDay" INTEGER NOT NULL,
    "lateDays" INTEGER NOT NULL DEFAULT 0,
    "month" TEXT NOT NULL,
    "signedAt" DATETIME,
    "signedById" TEXT,
    "submittedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionTask_minutesDocumentId_fkey" FOREIGN KEY ("minutesDocumentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_instructedById_fkey" FOREIGN KEY ("instructedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SupervisionTask" ("basisText", "basisType", "classification", "completedAt", "createdAt", "createdById", "deadlineAt", "deadlineDay", "decisionAnchor", "dueDate", "id", "instructedById", "lateDays", "leadUnitId", "minutesDocumentId", "month", "originalDueDate", "ownerId", "priority", "progress", "rectification", "rectifyDueDate", "requirement", "returnCount", "serial", "signedAt", "signedById", "sourceDocumentId", "status", "submittedAt", "supervisorId", "title", "updatedAt", "year") SELECT "basisText", "basisType", "classification", "completedAt", "createdAt", "createdById", "deadlineAt", (unixepoch("deadlineAt") + 28800) / 86400 - 1, "decisionAnchor", "dueDate", "id", "instructedById", "lateDays", "leadUnitId", "minutesDocumentId", "month", "originalDueDate", "ownerId", "priority", "progress", "rectification", "rectifyDueDate", "requirement", "returnCount", "serial", "signedAt", "signedById", "sourceDocumentId", "status", "submittedAt", "supervisorId", "title", "updatedAt", "year" FROM "SupervisionTask";
DROP TABLE "SupervisionTask";
ALTER TABLE "new_SupervisionTask" RENAME TO "SupervisionTask";
CREATE INDEX "SupervisionTask_leadUnitId_status_deadlineAt_classification_id_idx" ON "SupervisionTask"("leadUnitId", "status", "deadlineAt", "classification", "id");
CREATE INDEX "SupervisionTask_status_deadlineAt_classification_id_idx" ON "SupervisionTask"("status", "deadlineAt", "classification", "id");
CREATE INDEX "SupervisionTask_leadUnitId_status_deadlineDay_month_idx" ON "SupervisionTask"("leadUnitId", "status", "deadlineDay", "month");
CREATE INDEX "SupervisionTask_ownerId_status_idx" ON "SupervisionTask"("ownerId", "status");
CREATE INDEX "SupervisionTask_supervisorId_status_deadlineAt_idx" ON "SupervisionTask"("supervisorId", "status", "deadlineAt");
CREATE INDEX "SupervisionTask_createdById_idx" ON "SupervisionTask"("createdById");
CREATE INDEX "SupervisionTask_instructedById_idx" ON "SupervisionTask"("instructedById");
CREATE INDEX "SupervisionTask_deadlineAt_idx" ON "SupervisionTask"("deadlineAt");
CREATE UNIQUE INDEX "SupervisionTask_year_serial_key" ON "SupervisionTask"("year", "serial");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

