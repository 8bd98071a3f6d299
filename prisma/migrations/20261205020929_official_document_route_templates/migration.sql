-- CreateTable
CREATE TABLE "OfficialDocumentRouteTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'outgoing',
    "kind" TEXT,
    "name" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "retiredAt" DATETIME
);

-- CreateIndex
CREATE INDEX "OfficialDocumentRouteTemplate_unitId_direction_kind_idx" ON "OfficialDocumentRouteTemplate"("unitId", "direction", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentRouteTemplate_unitId_name_key" ON "OfficialDocumentRouteTemplate"("unitId", "name");

