-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'drafting',
    "round" INTEGER NOT NULL DEFAULT 0,
    "finalisedAt" DATETIME,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "versionId" TEXT,
    "contentHash" TEXT,
    "signature" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MinutesConfirmation" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "comment" TEXT,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "requestedAt" DATETIME NOT NULL,
    "respondedAt" DATETIME,

    PRIMARY KEY ("meetingId", "userId"),
    CONSTRAINT "MinutesConfirmation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MeetingMinutes" ("meetingId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskProposal" (
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
    "status" TEXT NOT NULL DEFAULT 'pending',
    "editedAt" DATETIME,
    "taskId" TEXT,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingMinutes_documentId_key" ON "MeetingMinutes"("documentId");

-- CreateIndex
CREATE INDEX "MinutesConfirmation_userId_state_idx" ON "MinutesConfirmation"("userId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProposal_taskId_key" ON "TaskProposal"("taskId");

-- CreateIndex
CREATE INDEX "TaskProposal_status_createdAt_idx" ON "TaskProposal"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProposal_meetingId_sourceKey_key" ON "TaskProposal"("meetingId", "sourceKey");

