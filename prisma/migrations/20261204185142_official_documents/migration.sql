-- CreateTable
CREATE TABLE "UnitIssuingSetting" (
    "unitId" TEXT NOT NULL PRIMARY KEY,
    "issuerMark" TEXT NOT NULL,
    "numberPrefix" TEXT NOT NULL,
    "officeUnitId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnitIssuingSetting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfficialDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'outgoing',
    "kind" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "officeUnitId" TEXT NOT NULL,
    "drafterId" TEXT NOT NULL,
    "copyNumber" TEXT NOT NULL DEFAULT '',
    "secrecyPeriod" TEXT NOT NULL DEFAULT '',
    "urgency" TEXT NOT NULL DEFAULT 'none',
    "issuerMark" TEXT NOT NULL,
    "numberPrefix" TEXT NOT NULL,
    "numberYear" INTEGER,
    "numberSeq" INTEGER,
    "signers" TEXT NOT NULL DEFAULT '[]',
    "mainRecipients" TEXT NOT NULL DEFAULT '[]',
    "attachmentNotes" TEXT NOT NULL DEFAULT '[]',
    "issuerSignature" TEXT NOT NULL,
    "writtenOn" TEXT,
    "remark" TEXT NOT NULL DEFAULT '',
    "ccRecipients" TEXT NOT NULL DEFAULT '[]',
    "printingUnit" TEXT NOT NULL,
    "printedOn" TEXT,
    "disclosure" TEXT NOT NULL DEFAULT 'proactive',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "route" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OfficialDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocument_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocument_drafterId_fkey" FOREIGN KEY ("drafterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfficialDocumentHandler" (
    "officialDocumentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "since" DATETIME NOT NULL,

    PRIMARY KEY ("officialDocumentId", "userId"),
    CONSTRAINT "OfficialDocumentHandler_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfficialDocumentOpinion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "stepName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "OfficialDocumentOpinion_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocumentOpinion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfficialDocumentRelation" (
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("fromId", "toId"),
    CONSTRAINT "OfficialDocumentRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfficialDocumentRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "OfficialDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentNumberCounter" (
    "unitId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("unitId", "prefix", "year")
);

-- CreateTable
CREATE TABLE "DocumentNumber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "officialDocumentId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DocumentNumber_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "principalId" TEXT NOT NULL,
    "deputyId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "Delegation_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delegation_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocument_documentId_key" ON "OfficialDocument"("documentId");

-- CreateIndex
CREATE INDEX "OfficialDocument_unitId_status_updatedAt_idx" ON "OfficialDocument"("unitId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "OfficialDocument_drafterId_updatedAt_idx" ON "OfficialDocument"("drafterId", "updatedAt");

-- CreateIndex
CREATE INDEX "OfficialDocument_officeUnitId_status_idx" ON "OfficialDocument"("officeUnitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocument_unitId_numberPrefix_numberYear_numberSeq_key" ON "OfficialDocument"("unitId", "numberPrefix", "numberYear", "numberSeq");

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_since_idx" ON "OfficialDocumentHandler"("userId", "since");

-- CreateIndex
CREATE INDEX "OfficialDocumentOpinion_officialDocumentId_createdAt_idx" ON "OfficialDocumentOpinion"("officialDocumentId", "createdAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentRelation_toId_idx" ON "OfficialDocumentRelation"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_officialDocumentId_key" ON "DocumentNumber"("officialDocumentId");

-- CreateIndex
CREATE INDEX "DocumentNumber_unitId_prefix_year_status_idx" ON "DocumentNumber"("unitId", "prefix", "year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_unitId_prefix_year_seq_key" ON "DocumentNumber"("unitId", "prefix", "year", "seq");

-- CreateIndex
CREATE INDEX "Delegation_deputyId_startsAt_idx" ON "Delegation"("deputyId", "startsAt");

-- CreateIndex
CREATE INDEX "Delegation_principalId_startsAt_idx" ON "Delegation"("principalId", "startsAt");


-- Opinions are kept as given (办文单): never changed, never removed.
CREATE TRIGGER "OfficialDocumentOpinion_no_update" BEFORE UPDATE ON "OfficialDocumentOpinion" BEGIN SELECT RAISE(ABORT, 'opinions are immutable'); END;
CREATE TRIGGER "OfficialDocumentOpinion_no_delete" BEFORE DELETE ON "OfficialDocumentOpinion" BEGIN SELECT RAISE(ABORT, 'opinions are immutable'); END;
