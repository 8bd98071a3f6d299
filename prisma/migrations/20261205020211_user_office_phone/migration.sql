-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "officePhone" TEXT NOT NULL DEFAULT '',
    "adminRole" TEXT,
    "clearance" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" DATETIME NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "totpSecretEnc" TEXT,
    "totpPendingEnc" TEXT,
    "totpEnabledAt" DATETIME,
    "lastTotpStep" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("adminRole", "clearance", "createdAt", "disabled", "displayName", "email", "failedAttempts", "id", "lastLoginAt", "lastTotpStep", "locale", "lockedUntil", "mustChangePassword", "passwordChangedAt", "passwordHash", "phone", "title", "totpEnabledAt", "totpPendingEnc", "totpSecretEnc", "unitId", "updatedAt", "username") SELECT "adminRole", "clearance", "createdAt", "disabled", "displayName", "email", "failedAttempts", "id", "lastLoginAt", "lastTotpStep", "locale", "lockedUntil", "mustChangePassword", "passwordChangedAt", "passwordHash", "phone", "title", "totpEnabledAt", "totpPendingEnc", "totpSecretEnc", "unitId", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE INDEX "User_unitId_idx" ON "User"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

