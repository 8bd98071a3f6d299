-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_opinion_dueA_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "opinion", "dueAt", "since", "officialDocumentId", "classification", "urgency");

