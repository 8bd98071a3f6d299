-- DropIndex
DROP INDEX "MeetingParticipant_userId_idx";

-- DropIndex
DROP INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_documentDeleted_classification_idx";

-- DropIndex
DROP INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentDeleted_classification_receiverId_idx";

-- DropIndex
DROP INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_idx";

-- CreateIndex
CREATE INDEX "Meeting_id_status_startAt_endAt_classification_idx" ON "Meeting"("id", "status", "startAt", "endAt", "classification");

-- CreateIndex
CREATE INDEX "MeetingParticipant_userId_rsvp_signedInAt_meetingId_createdAt_idx" ON "MeetingParticipant"("userId", "rsvp", "signedInAt", "meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentDeleted_classification_receiverId_id_officialDocumentId_urgency_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt", "documentDeleted", "classification", "receiverId", "id", "officialDocumentId", "urgency");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_documentDeleted_classification_id_officialDocumentId_urgency_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt", "documentDeleted", "classification", "id", "officialDocumentId", "urgency");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_signedAt_createdAt_priority_id_idx" ON "SupervisionTask"("ownerId", "status", "deadlineAt", "classification", "signedAt", "createdAt", "priority", "id");

-- CreateIndex
CREATE INDEX "SupervisionTaskUnit_unitId_signedAt_deadlineAt_status_classification_taskId_idx" ON "SupervisionTaskUnit"("unitId", "signedAt", "deadlineAt", "status", "classification", "taskId");

