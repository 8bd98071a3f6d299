-- CreateTable
CREATE TABLE "SupervisionTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "basisType" TEXT NOT NULL,
    "basisText" TEXT NOT NULL DEFAULT '',
    "minutesDocumentId" TEXT,
    "decisionAnchor" TEXT,
    "sourceDocumentId" TEXT,
    "instructedById" TEXT,
    "leadUnitId" TEXT NOT NULL,
    "ownerId" TEXT,
    "supervisorId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "classification" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'pending_sign',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "dueDate" TEXT NOT NULL,
    "originalDueDate" TEXT NOT NULL,
    "rectification" TEXT,
    "rectifyDueDate" TEXT,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "deadlineAt" DATETIME NOT NULL,
    "lateDays" INTEGER NOT NULL DEFAULT 0,
    "month" TEXT NOT NULL,
    "signedAt" DATETIME,
    "signedById" TEXT,
    "submittedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionTask_minutesDocumentId_fkey" FOREIGN KEY ("minutesDocumentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_instructedById_fkey" FOREIGN KEY ("instructedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionTaskUnit" (
    "taskId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "signedAt" DATETIME,
    "signedById" TEXT,
    "status" TEXT NOT NULL,
    "deadlineAt" DATETIME NOT NULL,
    "classification" INTEGER NOT NULL,

    PRIMARY KEY ("taskId", "unitId"),
    CONSTRAINT "SupervisionTaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionCoOwner" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "userId"),
    CONSTRAINT "SupervisionCoOwner_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionCoOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "percent" INTEGER,
    "unitId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "SupervisionEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "eventId" TEXT,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionAttachment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionExtension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "fromDueDate" TEXT NOT NULL,
    "toDueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionExtension_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionCoordination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "unitIds" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionCoordination_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionReminder" (
    "taskId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "recipients" INTEGER NOT NULL,

    PRIMARY KEY ("taskId", "kind", "date"),
    CONSTRAINT "SupervisionReminder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionUnitMonth" (
    "unitId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "completedOnTime" INTEGER NOT NULL DEFAULT 0,
    "lateDaysTotal" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("unitId", "month")
);

-- CreateIndex
CREATE INDEX "SupervisionTask_leadUnitId_status_deadlineAt_classification_id_idx" ON "SupervisionTask"("leadUnitId", "status", "deadlineAt", "classification", "id");

-- CreateIndex
CREATE INDEX "SupervisionTask_status_deadlineAt_classification_id_idx" ON "SupervisionTask"("status", "deadlineAt", "classification", "id");

-- CreateIndex
CREATE INDEX "SupervisionTask_status_deadlineAt_leadUnitId_month_idx" ON "SupervisionTask"("status", "deadlineAt", "leadUnitId", "month");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_idx" ON "SupervisionTask"("ownerId", "status");

-- CreateIndex
CREATE INDEX "SupervisionTask_supervisorId_status_deadlineAt_idx" ON "SupervisionTask"("supervisorId", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "SupervisionTask_createdById_idx" ON "SupervisionTask"("createdById");

-- CreateIndex
CREATE INDEX "SupervisionTask_instructedById_idx" ON "SupervisionTask"("instructedById");

-- CreateIndex
CREATE INDEX "SupervisionTask_deadlineAt_idx" ON "SupervisionTask"("deadlineAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionTask_year_serial_key" ON "SupervisionTask"("year", "serial");

-- CreateIndex
CREATE INDEX "SupervisionTaskUnit_unitId_status_deadlineAt_classification_taskId_idx" ON "SupervisionTaskUnit"("unitId", "status", "deadlineAt", "classification", "taskId");

-- CreateIndex
CREATE INDEX "SupervisionCoOwner_userId_idx" ON "SupervisionCoOwner"("userId");

-- CreateIndex
CREATE INDEX "SupervisionEvent_taskId_at_idx" ON "SupervisionEvent"("taskId", "at");

-- CreateIndex
CREATE INDEX "SupervisionAttachment_taskId_eventId_idx" ON "SupervisionAttachment"("taskId", "eventId");

-- CreateIndex
CREATE INDEX "SupervisionAttachment_sha256_idx" ON "SupervisionAttachment"("sha256");

-- CreateIndex
CREATE INDEX "SupervisionExtension_taskId_createdAt_idx" ON "SupervisionExtension"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionCoordination_taskId_createdAt_idx" ON "SupervisionCoordination"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionReminder_kind_date_idx" ON "SupervisionReminder"("kind", "date");

