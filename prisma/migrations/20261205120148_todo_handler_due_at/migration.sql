-- DropIndex
DROP INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_workingDays_idx";

-- DropIndex
DROP INDEX "SupervisionTask_ownerId_status_idx";

-- AlterTable
ALTER TABLE "OfficialDocumentHandler" ADD COLUMN "dueAt" DATETIME;
-- Existing rows with a 办理时限 get their due instant at the next start (the working-day calendar is in the code, not
-- in SQL: see refreshHandlerDueInstants).

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_workingDays_dueAt_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "classification", "officialDocumentId", "stepId", "since", "opinion", "urgency", "workingDays", "dueAt");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_classification_idx" ON "SupervisionTask"("ownerId", "status", "classification");

