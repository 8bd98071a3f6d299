-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customType" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "organiserUnitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "hostId" TEXT,
    "minuteTakerId" TEXT,
    "startAt" DATETIME NOT NULL,
    "endAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "mode" TEXT NOT NULL,
    "plenary" BOOLEAN NOT NULL DEFAULT false,
    "roomId" TEXT,
    "classification" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "reminderMinutes" TEXT NOT NULL DEFAULT '[1440,15]',
    "joinCode" TEXT,
    "passcodeHash" TEXT,
    "cancelReason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "scheduledAt" DATETIME,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "Meeting_organiserUnitId_fkey" FOREIGN KEY ("organiserUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_minuteTakerId_fkey" FOREIGN KEY ("minuteTakerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("cancelReason", "cancelledAt", "classification", "createdAt", "createdById", "customType", "description", "endAt", "endedAt", "hostId", "id", "joinCode", "minuteTakerId", "mode", "organiserUnitId", "passcodeHash", "reminderMinutes", "revision", "roomId", "scheduledAt", "startAt", "startedAt", "status", "timeZone", "title", "type", "updatedAt") SELECT "cancelReason", "cancelledAt", "classification", "createdAt", "createdById", "customType", "description", "endAt", "endedAt", "hostId", "id", "joinCode", "minuteTakerId", "mode", "organiserUnitId", "passcodeHash", "reminderMinutes", "revision", "roomId", "scheduledAt", "startAt", "startedAt", "status", "timeZone", "title", "type", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_joinCode_key" ON "Meeting"("joinCode");
CREATE INDEX "Meeting_organiserUnitId_startAt_idx" ON "Meeting"("organiserUnitId", "startAt");
CREATE INDEX "Meeting_status_startAt_idx" ON "Meeting"("status", "startAt");
CREATE INDEX "Meeting_startAt_endAt_idx" ON "Meeting"("startAt", "endAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

