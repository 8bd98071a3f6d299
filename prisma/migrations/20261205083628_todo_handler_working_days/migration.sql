-- DropIndex
DROP INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_idx";

-- AlterTable
ALTER TABLE "OfficialDocumentHandler" ADD COLUMN "workingDays" INTEGER;

-- The copies of existing rows are taken from their step's deadline.
UPDATE "OfficialDocumentHandler" SET "workingDays" = (
    SELECT sd."workingDays" FROM "OfficialDocumentStepDeadline" sd
    WHERE sd."officialDocumentId" = "OfficialDocumentHandler"."officialDocumentId"
      AND sd."stepId" = "OfficialDocumentHandler"."stepId");

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_classification_officialDocumentId_stepId_since_opinion_urgency_workingDays_idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "classification", "officialDocumentId", "stepId", "since", "opinion", "urgency", "workingDays");

