-- CreateTable
CREATE TABLE "OfficialDocumentTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuerMark" TEXT NOT NULL,
    "mainRecipients" TEXT NOT NULL DEFAULT '[]',
    "ccRecipients" TEXT NOT NULL DEFAULT '[]',
    "remark" TEXT NOT NULL DEFAULT '',
    "disclosure" TEXT NOT NULL DEFAULT 'proactive',
    "body" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OfficialDocumentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialDocumentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "onBehalfOfId" TEXT,
    "stepId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OfficialDocumentStepDeadline" (
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,

    PRIMARY KEY ("officialDocumentId", "stepId")
);

-- CreateTable
CREATE TABLE "OfficialDocumentReminder" (
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("officialDocumentId", "stepId", "userId", "kind", "dueOn")
);

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentTemplate_unitId_kind_name_key" ON "OfficialDocumentTemplate"("unitId", "kind", "name");

-- CreateIndex
CREATE INDEX "OfficialDocumentEvent_officialDocumentId_at_idx" ON "OfficialDocumentEvent"("officialDocumentId", "at");

-- CreateIndex
CREATE INDEX "OfficialDocumentEvent_officialDocumentId_kind_at_idx" ON "OfficialDocumentEvent"("officialDocumentId", "kind", "at");


-- The trail of a 公文 is a record of what happened: appended, never changed.
CREATE TRIGGER "OfficialDocumentEvent_no_update" BEFORE UPDATE ON "OfficialDocumentEvent" BEGIN SELECT RAISE(ABORT, 'the trail of a 公文 is append-only'); END;
CREATE TRIGGER "OfficialDocumentEvent_no_delete" BEFORE DELETE ON "OfficialDocumentEvent" BEGIN SELECT RAISE(ABORT, 'the trail of a 公文 is append-only'); END;
