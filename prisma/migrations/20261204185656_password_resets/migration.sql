-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "firstHash" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "secondHash" TEXT,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "closedAt" DATETIME,
    "closedReason" TEXT,
    CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PasswordReset_userId_closedAt_idx" ON "PasswordReset"("userId", "closedAt");

