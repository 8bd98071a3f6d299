-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_opinion_dueAt_since_officialDocumentId_classification_urgency_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "opinion", "dueAt", "since", "officialDocumentId", "classification", "urgency");

