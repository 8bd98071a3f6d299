-- CreateTable
CREATE TABLE "MeetingRecording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "stoppedById" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "reservedBytes" BIGINT NOT NULL DEFAULT 0,
    "size" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "chapters" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "MeetingRecording_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MeetingRecording_meetingId_startedAt_idx" ON "MeetingRecording"("meetingId", "startedAt");

-- CreateIndex
CREATE INDEX "MeetingRecording_status_idx" ON "MeetingRecording"("status");

