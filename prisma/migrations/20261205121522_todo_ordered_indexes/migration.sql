-- DropIndex
DROP INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_workingDays_dueAt_idx";

-- DropIndex
DROP INDEX "SupervisionTask_ownerId_status_classification_idx";

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_dueAt_since_officialDocumentId_opinion_classification_urgency_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "dueAt", "since", "officialDocumentId", "opinion", "classification", "urgency");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_idx" ON "SupervisionTask"("ownerId", "status", "deadlineAt", "classification");

