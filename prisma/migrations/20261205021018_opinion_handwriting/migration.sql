-- AlterTable
ALTER TABLE "OfficialDocumentOpinion" ADD COLUMN "ink" TEXT;

