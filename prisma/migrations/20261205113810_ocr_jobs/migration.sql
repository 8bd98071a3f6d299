-- CreateTable
CREATE TABLE "OcrJob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "pagesTotal" INTEGER,
    "pagesSealed" TEXT,
    "error" TEXT,
    "queuedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "OcrJob_state_queuedAt_idx" ON "OcrJob"("state", "queuedAt");

