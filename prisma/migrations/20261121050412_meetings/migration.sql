-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "equipment" TEXT NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Meeting" (
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

-- CreateTable
CREATE TABLE "RoomBooking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "endAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "RoomBooking_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoomBooking_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenterId" TEXT,
    "startAt" DATETIME,
    "endAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAgendaItem_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingUnitInvite" (
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "unitId"),
    CONSTRAINT "MeetingUnitInvite_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingUnitInvite_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'attendee',
    "viaUnitId" TEXT,
    "substituteForId" TEXT,
    "rsvp" TEXT NOT NULL DEFAULT 'pending',
    "rsvpReason" TEXT,
    "rsvpAt" DATETIME,
    "signedInAt" DATETIME,
    "signInMethod" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingParticipant_substituteForId_fkey" FOREIGN KEY ("substituteForId") REFERENCES "MeetingParticipant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingMaterial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "MeetingMaterial_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingMaterial_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "MeetingAgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetingMaterial_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaterialView" (
    "materialId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstAt" DATETIME NOT NULL,
    "lastAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    PRIMARY KEY ("materialId", "userId"),
    CONSTRAINT "MaterialView_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "MeetingMaterial" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaterialView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "startAt" DATETIME NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "recipients" INTEGER NOT NULL,
    CONSTRAINT "MeetingReminder_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Room_name_key" ON "Room"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_joinCode_key" ON "Meeting"("joinCode");

-- CreateIndex
CREATE INDEX "Meeting_organiserUnitId_startAt_idx" ON "Meeting"("organiserUnitId", "startAt");

-- CreateIndex
CREATE INDEX "Meeting_status_startAt_idx" ON "Meeting"("status", "startAt");

-- CreateIndex
CREATE INDEX "Meeting_startAt_endAt_idx" ON "Meeting"("startAt", "endAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoomBooking_meetingId_key" ON "RoomBooking"("meetingId");

-- CreateIndex
CREATE INDEX "RoomBooking_roomId_startAt_endAt_idx" ON "RoomBooking"("roomId", "startAt", "endAt");

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_meetingId_position_idx" ON "MeetingAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_substituteForId_key" ON "MeetingParticipant"("substituteForId");

-- CreateIndex
CREATE INDEX "MeetingParticipant_userId_idx" ON "MeetingParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_userId_key" ON "MeetingParticipant"("meetingId", "userId");

-- CreateIndex
CREATE INDEX "MeetingMaterial_meetingId_agendaItemId_position_idx" ON "MeetingMaterial"("meetingId", "agendaItemId", "position");

-- CreateIndex
CREATE INDEX "MeetingMaterial_sha256_idx" ON "MeetingMaterial"("sha256");

-- CreateIndex
CREATE INDEX "MaterialView_userId_idx" ON "MaterialView"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingReminder_meetingId_offsetMinutes_startAt_key" ON "MeetingReminder"("meetingId", "offsetMinutes", "startAt");


-- A room holds one meeting at a time. The booking command re-checks inside its transaction and answers with the
-- clashing meeting; these triggers make the database itself refuse an overlap, whatever writes it. Intervals are
-- half-open [startAt, endAt), so back-to-back meetings are not a clash. (PostgreSQL: an exclusion constraint,
-- EXCLUDE USING gist ("roomId" WITH =, tstzrange("startAt", "endAt") WITH &&), does the same.)
CREATE TRIGGER "RoomBooking_no_overlap_insert" BEFORE INSERT ON "RoomBooking"
WHEN EXISTS (
    SELECT 1 FROM "RoomBooking" b
    WHERE b."roomId" = NEW."roomId" AND julianday(b."startAt") < julianday(NEW."endAt") AND julianday(NEW."startAt") < julianday(b."endAt")
)
BEGIN SELECT RAISE(ABORT, 'room_booking_overlap'); END;

CREATE TRIGGER "RoomBooking_no_overlap_update" BEFORE UPDATE OF "roomId", "startAt", "endAt" ON "RoomBooking"
WHEN EXISTS (
    SELECT 1 FROM "RoomBooking" b
    WHERE b."id" <> NEW."id" AND b."roomId" = NEW."roomId" AND julianday(b."startAt") < julianday(NEW."endAt") AND julianday(NEW."startAt") < julianday(b."endAt")
)
BEGIN SELECT RAISE(ABORT, 'room_booking_overlap'); END;

CREATE TRIGGER "RoomBooking_positive_length" BEFORE INSERT ON "RoomBooking"
WHEN julianday(NEW."endAt") <= julianday(NEW."startAt")
BEGIN SELECT RAISE(ABORT, 'room_booking_empty'); END;
