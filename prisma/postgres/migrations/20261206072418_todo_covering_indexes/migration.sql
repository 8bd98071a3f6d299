-- DropIndex
DROP INDEX "MeetingParticipant_userId_idx";

-- DropIndex
DROP INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_idx";

-- DropIndex
DROP INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentD_idx";

-- DropIndex
DROP INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_docum_idx";

-- CreateIndex
CREATE INDEX "Meeting_id_status_startAt_endAt_classification_idx" ON "Meeting"("id", "status", "startAt", "endAt", "classification");

-- CreateIndex
CREATE INDEX "MeetingParticipant_userId_rsvp_signedInAt_meetingId_created_idx" ON "MeetingParticipant"("userId", "rsvp", "signedInAt", "meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_si_idx" ON "SupervisionTask"("ownerId", "status", "deadlineAt", "classification", "signedAt", "createdAt", "priority", "id");

-- CreateIndex
CREATE INDEX "SupervisionTaskUnit_unitId_signedAt_deadlineAt_status_class_idx" ON "SupervisionTaskUnit"("unitId", "signedAt", "deadlineAt", "status", "classification", "taskId");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_documentD_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt", "documentDeleted", "classification", "receiverId", "id", "officialDocumentId", "urgency");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_docum_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt", "documentDeleted", "classification", "id", "officialDocumentId", "urgency");

