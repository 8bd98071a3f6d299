-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "parentId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archiveCode" TEXT,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
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
    "passwordChangedAt" TIMESTAMP(3) NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "totpSecretEnc" TEXT,
    "totpPendingEnc" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "lastTotpStep" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "PasswordHistory" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PasswordHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "firstHash" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "secondHash" TEXT,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "closedReason" TEXT,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "mfaPending" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "outcome" TEXT NOT NULL,
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),
    "params" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'editing',
    "reviewMode" BOOLEAN NOT NULL DEFAULT false,
    "contextType" TEXT,
    "contextId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentShare" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "granteeType" TEXT NOT NULL,
    "granteeId" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentUpdate" (
    "seq" SERIAL NOT NULL,
    "documentId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentUpdate_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "DocumentSnapshot" (
    "documentId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentSnapshot_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "nameKey" TEXT,
    "nameParams" TEXT,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSession" (
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "decisions" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSession_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "DocumentImage" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentThread" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "quote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "CommentThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVisit" (
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentVisit_pkey" PRIMARY KEY ("documentId","userId")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "equipment" TEXT NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customType" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "organiserUnitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "hostId" TEXT,
    "minuteTakerId" TEXT,
    "startAt" TIMESTAMP(3) NOT NULL,
    "endAt" TIMESTAMP(3) NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "scheduledAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoomBooking" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "endAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenterId" TEXT,
    "startAt" TIMESTAMP(3),
    "endAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingUnitInvite" (
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "MeetingUnitInvite_pkey" PRIMARY KEY ("meetingId","unitId")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'attendee',
    "viaUnitId" TEXT,
    "substituteForId" TEXT,
    "rsvp" TEXT NOT NULL DEFAULT 'pending',
    "rsvpReason" TEXT,
    "rsvpAt" TIMESTAMP(3),
    "signedInAt" TIMESTAMP(3),
    "signInMethod" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingMaterial" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "MeetingMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRecording" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "stoppedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "reservedBytes" BIGINT NOT NULL DEFAULT 0,
    "size" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "chapters" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "MeetingRecording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialView" (
    "materialId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MaterialView_pkey" PRIMARY KEY ("materialId","userId")
);

-- CreateTable
CREATE TABLE "MeetingReminder" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "recipients" INTEGER NOT NULL,

    CONSTRAINT "MeetingReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTask" (
    "id" TEXT NOT NULL,
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
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "deadlineDay" INTEGER NOT NULL,
    "lateDays" INTEGER NOT NULL DEFAULT 0,
    "month" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3),
    "signedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTaskUnit" (
    "taskId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3),
    "signedById" TEXT,
    "status" TEXT NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "classification" INTEGER NOT NULL,

    CONSTRAINT "SupervisionTaskUnit_pkey" PRIMARY KEY ("taskId","unitId")
);

-- CreateTable
CREATE TABLE "SupervisionCoOwner" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "SupervisionCoOwner_pkey" PRIMARY KEY ("taskId","userId")
);

-- CreateTable
CREATE TABLE "SupervisionEvent" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "percent" INTEGER,
    "unitId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "SupervisionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionAttachment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "eventId" TEXT,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionExtension" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "fromDueDate" TEXT NOT NULL,
    "toDueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionCoordination" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "unitIds" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionCoordination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionReminder" (
    "taskId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "recipients" INTEGER NOT NULL,

    CONSTRAINT "SupervisionReminder_pkey" PRIMARY KEY ("taskId","kind","date")
);

-- CreateTable
CREATE TABLE "SupervisionUnitMonth" (
    "unitId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "completedOnTime" INTEGER NOT NULL DEFAULT 0,
    "lateDaysTotal" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SupervisionUnitMonth_pkey" PRIMARY KEY ("unitId","month")
);

-- CreateTable
CREATE TABLE "MeetingChatMessage" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "fromName" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "toUserId" TEXT,
    "textSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "meetingId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'drafting',
    "round" INTEGER NOT NULL DEFAULT 0,
    "finalisedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "versionId" TEXT,
    "contentHash" TEXT,
    "signature" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingMinutes_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MinutesConfirmation" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "comment" TEXT,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "MinutesConfirmation_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "TaskProposal" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "minutesDocumentId" TEXT NOT NULL,
    "decisionId" TEXT,
    "sourceKey" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL DEFAULT '',
    "leadUnits" TEXT NOT NULL DEFAULT '[]',
    "coUnits" TEXT NOT NULL DEFAULT '[]',
    "owners" TEXT NOT NULL DEFAULT '[]',
    "coOwners" TEXT NOT NULL DEFAULT '[]',
    "due" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "confidence" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "editedAt" TIMESTAMP(3),
    "taskId" TEXT,
    "parentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitIssuingSetting" (
    "unitId" TEXT NOT NULL,
    "issuerMark" TEXT NOT NULL,
    "numberPrefix" TEXT NOT NULL,
    "officeUnitId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitIssuingSetting_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "OfficialDocument" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentAttachment" (
    "id" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sm3" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentHandler" (
    "officialDocumentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "opinion" TEXT NOT NULL DEFAULT '',
    "since" TIMESTAMP(3) NOT NULL,
    "classification" INTEGER NOT NULL DEFAULT 0,
    "documentDeleted" BOOLEAN NOT NULL DEFAULT false,
    "urgency" TEXT NOT NULL DEFAULT 'none',
    "workingDays" INTEGER,
    "dueAt" TIMESTAMP(3),

    CONSTRAINT "OfficialDocumentHandler_pkey" PRIMARY KEY ("officialDocumentId","userId")
);

-- CreateTable
CREATE TABLE "OfficialDocumentOpinion" (
    "id" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "stepName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "ink" TEXT,

    CONSTRAINT "OfficialDocumentOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentRelation" (
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentRelation_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateTable
CREATE TABLE "DocumentNumberCounter" (
    "unitId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentNumberCounter_pkey" PRIMARY KEY ("unitId","prefix","year")
);

-- CreateTable
CREATE TABLE "DocumentNumber" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "officialDocumentId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "deputyId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Seal" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Seal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SealHolder" (
    "sealId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SealHolder_pkey" PRIMARY KEY ("sealId","userId")
);

-- CreateTable
CREATE TABLE "SealUse" (
    "id" TEXT NOT NULL,
    "sealId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "sm3" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SealUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentTemplate" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentRouteTemplate" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'outgoing',
    "kind" TEXT,
    "name" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "OfficialDocumentRouteTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentEvent" (
    "id" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "onBehalfOfId" TEXT,
    "stepId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialDocumentStepDeadline" (
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,

    CONSTRAINT "OfficialDocumentStepDeadline_pkey" PRIMARY KEY ("officialDocumentId","stepId")
);

-- CreateTable
CREATE TABLE "OfficialDocumentReminder" (
    "officialDocumentId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentReminder_pkey" PRIMARY KEY ("officialDocumentId","stepId","userId","kind","dueOn")
);

-- CreateTable
CREATE TABLE "IncomingDocument" (
    "officialDocumentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "distributionId" TEXT,
    "sourceUnit" TEXT NOT NULL,
    "sourceNumber" TEXT NOT NULL DEFAULT '',
    "copies" INTEGER NOT NULL DEFAULT 1,
    "dueDate" TEXT,
    "scanSha256" TEXT,
    "scanFileName" TEXT,
    "scanSize" INTEGER,
    "registeredById" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "result" TEXT,
    "finishedById" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "IncomingDocument_pkey" PRIMARY KEY ("officialDocumentId")
);

-- CreateTable
CREATE TABLE "OfficialDocumentDistribution" (
    "id" TEXT NOT NULL,
    "officialDocumentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "receiverId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sentById" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "signedById" TEXT,
    "signedAt" TIMESTAMP(3),
    "refusedById" TEXT,
    "refusedAt" TIMESTAMP(3),
    "refusalReason" TEXT,
    "recalledById" TEXT,
    "recalledAt" TIMESTAMP(3),
    "finishedById" TEXT,
    "finishedAt" TIMESTAMP(3),
    "result" TEXT,
    "reissueOfId" TEXT,
    "incomingDocumentId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficialDocumentDistribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomingNumberCounter" (
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncomingNumberCounter_pkey" PRIMARY KEY ("unitId","year")
);

-- CreateTable
CREATE TABLE "OcrJob" (
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "pagesTotal" INTEGER,
    "pagesSealed" TEXT,
    "error" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OcrJob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "ArchivePackage" (
    "id" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "retention" TEXT NOT NULL,
    "classification" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "failure" TEXT,
    "archiveNumber" TEXT,
    "itemSeq" INTEGER,
    "manifest" TEXT,
    "manifestSha256" TEXT,
    "keepUntil" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "builtAt" TIMESTAMP(3),
    "sealedAt" TIMESTAMP(3),
    "sealedById" TEXT,
    "destruction" TEXT,
    "destructionListedAt" TIMESTAMP(3),
    "destructionApprovedById" TEXT,
    "destructionApprovedAt" TIMESTAMP(3),
    "destructionReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArchivePackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveFile" (
    "packageId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "ArchiveFile_pkey" PRIMARY KEY ("packageId","path")
);

-- CreateTable
CREATE TABLE "ArchiveNumberCounter" (
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "retention" TEXT NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArchiveNumberCounter_pkey" PRIMARY KEY ("unitId","year","retention")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "PasswordHistory_userId_createdAt_idx" ON "PasswordHistory"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_closedAt_idx" ON "PasswordReset"("userId", "closedAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SetupToken_tokenHash_key" ON "SetupToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_id_key" ON "AuditEvent"("id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Document_unitId_updatedAt_idx" ON "Document"("unitId", "updatedAt");

-- CreateIndex
CREATE INDEX "Document_ownerId_idx" ON "Document"("ownerId");

-- CreateIndex
CREATE INDEX "Document_contextType_contextId_idx" ON "Document"("contextType", "contextId");

-- CreateIndex
CREATE INDEX "Document_id_deletedAt_classification_idx" ON "Document"("id", "deletedAt", "classification");

-- CreateIndex
CREATE INDEX "DocumentShare_granteeType_granteeId_idx" ON "DocumentShare"("granteeType", "granteeId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentShare_documentId_granteeType_granteeId_key" ON "DocumentShare"("documentId", "granteeType", "granteeId");

-- CreateIndex
CREATE INDEX "DocumentUpdate_documentId_seq_idx" ON "DocumentUpdate"("documentId", "seq");

-- CreateIndex
CREATE INDEX "DocumentVersion_documentId_createdAt_idx" ON "DocumentVersion"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentImage_documentId_createdAt_idx" ON "DocumentImage"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "CommentThread_documentId_createdAt_idx" ON "CommentThread"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_threadId_createdAt_idx" ON "Comment"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentVisit_userId_lastAt_idx" ON "DocumentVisit"("userId", "lastAt");

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
CREATE INDEX "MeetingRecording_meetingId_startedAt_idx" ON "MeetingRecording"("meetingId", "startedAt");

-- CreateIndex
CREATE INDEX "MeetingRecording_status_idx" ON "MeetingRecording"("status");

-- CreateIndex
CREATE INDEX "MaterialView_userId_idx" ON "MaterialView"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingReminder_meetingId_offsetMinutes_startAt_key" ON "MeetingReminder"("meetingId", "offsetMinutes", "startAt");

-- CreateIndex
CREATE INDEX "SupervisionTask_leadUnitId_status_deadlineAt_classification_idx" ON "SupervisionTask"("leadUnitId", "status", "deadlineAt", "classification", "id");

-- CreateIndex
CREATE INDEX "SupervisionTask_status_deadlineAt_classification_id_idx" ON "SupervisionTask"("status", "deadlineAt", "classification", "id");

-- CreateIndex
CREATE INDEX "SupervisionTask_leadUnitId_status_deadlineDay_month_idx" ON "SupervisionTask"("leadUnitId", "status", "deadlineDay", "month");

-- CreateIndex
CREATE INDEX "SupervisionTask_ownerId_status_deadlineAt_classification_idx" ON "SupervisionTask"("ownerId", "status", "deadlineAt", "classification");

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
CREATE INDEX "SupervisionTaskUnit_unitId_status_deadlineAt_classification_idx" ON "SupervisionTaskUnit"("unitId", "status", "deadlineAt", "classification", "taskId");

-- CreateIndex
CREATE INDEX "SupervisionCoOwner_userId_idx" ON "SupervisionCoOwner"("userId");

-- CreateIndex
CREATE INDEX "SupervisionEvent_taskId_at_idx" ON "SupervisionEvent"("taskId", "at");

-- CreateIndex
CREATE INDEX "SupervisionEvent_actorId_kind_at_idx" ON "SupervisionEvent"("actorId", "kind", "at");

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

-- CreateIndex
CREATE INDEX "MeetingChatMessage_meetingId_createdAt_idx" ON "MeetingChatMessage"("meetingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingMinutes_documentId_key" ON "MeetingMinutes"("documentId");

-- CreateIndex
CREATE INDEX "MinutesConfirmation_userId_state_idx" ON "MinutesConfirmation"("userId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProposal_taskId_key" ON "TaskProposal"("taskId");

-- CreateIndex
CREATE INDEX "TaskProposal_status_createdAt_idx" ON "TaskProposal"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProposal_meetingId_sourceKey_key" ON "TaskProposal"("meetingId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocument_documentId_key" ON "OfficialDocument"("documentId");

-- CreateIndex
CREATE INDEX "OfficialDocument_unitId_status_updatedAt_idx" ON "OfficialDocument"("unitId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "OfficialDocument_drafterId_updatedAt_idx" ON "OfficialDocument"("drafterId", "updatedAt");

-- CreateIndex
CREATE INDEX "OfficialDocument_officeUnitId_status_idx" ON "OfficialDocument"("officeUnitId", "status");

-- CreateIndex
CREATE INDEX "OfficialDocument_id_documentId_urgency_idx" ON "OfficialDocument"("id", "documentId", "urgency");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocument_unitId_numberPrefix_numberYear_numberSeq_key" ON "OfficialDocument"("unitId", "numberPrefix", "numberYear", "numberSeq");

-- CreateIndex
CREATE INDEX "OfficialDocumentAttachment_sm3_idx" ON "OfficialDocumentAttachment"("sm3");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentAttachment_officialDocumentId_number_key" ON "OfficialDocumentAttachment"("officialDocumentId", "number");

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_since_idx" ON "OfficialDocumentHandler"("userId", "since");

-- CreateIndex
CREATE INDEX "OfficialDocumentHandler_userId_documentDeleted_dueAt_since__idx" ON "OfficialDocumentHandler"("userId", "documentDeleted", "dueAt", "since", "officialDocumentId", "opinion", "classification", "urgency");

-- CreateIndex
CREATE INDEX "OfficialDocumentOpinion_officialDocumentId_createdAt_idx" ON "OfficialDocumentOpinion"("officialDocumentId", "createdAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentOpinion_userId_createdAt_idx" ON "OfficialDocumentOpinion"("userId", "createdAt");

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

-- CreateIndex
CREATE INDEX "Seal_unitId_idx" ON "Seal"("unitId");

-- CreateIndex
CREATE INDEX "SealHolder_userId_idx" ON "SealHolder"("userId");

-- CreateIndex
CREATE INDEX "SealUse_sealId_at_idx" ON "SealUse"("sealId", "at");

-- CreateIndex
CREATE INDEX "SealUse_officialDocumentId_idx" ON "SealUse"("officialDocumentId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentTemplate_unitId_kind_name_key" ON "OfficialDocumentTemplate"("unitId", "kind", "name");

-- CreateIndex
CREATE INDEX "OfficialDocumentRouteTemplate_unitId_direction_kind_idx" ON "OfficialDocumentRouteTemplate"("unitId", "direction", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentRouteTemplate_unitId_name_key" ON "OfficialDocumentRouteTemplate"("unitId", "name");

-- CreateIndex
CREATE INDEX "OfficialDocumentEvent_officialDocumentId_at_idx" ON "OfficialDocumentEvent"("officialDocumentId", "at");

-- CreateIndex
CREATE INDEX "OfficialDocumentEvent_officialDocumentId_kind_at_idx" ON "OfficialDocumentEvent"("officialDocumentId", "kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "IncomingDocument_distributionId_key" ON "IncomingDocument"("distributionId");

-- CreateIndex
CREATE INDEX "IncomingDocument_scanSha256_idx" ON "IncomingDocument"("scanSha256");

-- CreateIndex
CREATE UNIQUE INDEX "IncomingDocument_unitId_year_seq_key" ON "IncomingDocument"("unitId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentDistribution_reissueOfId_key" ON "OfficialDocumentDistribution"("reissueOfId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialDocumentDistribution_incomingDocumentId_key" ON "OfficialDocumentDistribution"("incomingDocumentId");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_unitId_status_sentAt_idx" ON "OfficialDocumentDistribution"("unitId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_receiverId_status_sentAt_idx" ON "OfficialDocumentDistribution"("receiverId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "OfficialDocumentDistribution_officialDocumentId_sentAt_idx" ON "OfficialDocumentDistribution"("officialDocumentId", "sentAt");

-- CreateIndex
CREATE INDEX "OcrJob_state_queuedAt_idx" ON "OcrJob"("state", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ArchivePackage_archiveNumber_key" ON "ArchivePackage"("archiveNumber");

-- CreateIndex
CREATE INDEX "ArchivePackage_status_createdAt_idx" ON "ArchivePackage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ArchivePackage_unitId_year_retention_idx" ON "ArchivePackage"("unitId", "year", "retention");

-- CreateIndex
CREATE INDEX "ArchivePackage_destruction_keepUntil_idx" ON "ArchivePackage"("destruction", "keepUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ArchivePackage_objectType_objectId_key" ON "ArchivePackage"("objectType", "objectId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordHistory" ADD CONSTRAINT "PasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentShare" ADD CONSTRAINT "DocumentShare_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentUpdate" ADD CONSTRAINT "DocumentUpdate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSnapshot" ADD CONSTRAINT "DocumentSnapshot_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSession" ADD CONSTRAINT "ReviewSession_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentImage" ADD CONSTRAINT "DocumentImage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "CommentThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVisit" ADD CONSTRAINT "DocumentVisit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_organiserUnitId_fkey" FOREIGN KEY ("organiserUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_minuteTakerId_fkey" FOREIGN KEY ("minuteTakerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomBooking" ADD CONSTRAINT "RoomBooking_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomBooking" ADD CONSTRAINT "RoomBooking_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingUnitInvite" ADD CONSTRAINT "MeetingUnitInvite_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingUnitInvite" ADD CONSTRAINT "MeetingUnitInvite_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_substituteForId_fkey" FOREIGN KEY ("substituteForId") REFERENCES "MeetingParticipant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMaterial" ADD CONSTRAINT "MeetingMaterial_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMaterial" ADD CONSTRAINT "MeetingMaterial_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "MeetingAgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMaterial" ADD CONSTRAINT "MeetingMaterial_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRecording" ADD CONSTRAINT "MeetingRecording_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialView" ADD CONSTRAINT "MaterialView_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "MeetingMaterial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialView" ADD CONSTRAINT "MaterialView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReminder" ADD CONSTRAINT "MeetingReminder_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_minutesDocumentId_fkey" FOREIGN KEY ("minutesDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_instructedById_fkey" FOREIGN KEY ("instructedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskUnit" ADD CONSTRAINT "SupervisionTaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskUnit" ADD CONSTRAINT "SupervisionTaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCoOwner" ADD CONSTRAINT "SupervisionCoOwner_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCoOwner" ADD CONSTRAINT "SupervisionCoOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEvent" ADD CONSTRAINT "SupervisionEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEvent" ADD CONSTRAINT "SupervisionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAttachment" ADD CONSTRAINT "SupervisionAttachment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionExtension" ADD CONSTRAINT "SupervisionExtension_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCoordination" ADD CONSTRAINT "SupervisionCoordination_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionReminder" ADD CONSTRAINT "SupervisionReminder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesConfirmation" ADD CONSTRAINT "MinutesConfirmation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MeetingMinutes"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitIssuingSetting" ADD CONSTRAINT "UnitIssuingSetting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocument" ADD CONSTRAINT "OfficialDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocument" ADD CONSTRAINT "OfficialDocument_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocument" ADD CONSTRAINT "OfficialDocument_drafterId_fkey" FOREIGN KEY ("drafterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentAttachment" ADD CONSTRAINT "OfficialDocumentAttachment_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentHandler" ADD CONSTRAINT "OfficialDocumentHandler_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentOpinion" ADD CONSTRAINT "OfficialDocumentOpinion_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentOpinion" ADD CONSTRAINT "OfficialDocumentOpinion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentRelation" ADD CONSTRAINT "OfficialDocumentRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentRelation" ADD CONSTRAINT "OfficialDocumentRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentNumber" ADD CONSTRAINT "DocumentNumber_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealHolder" ADD CONSTRAINT "SealHolder_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealHolder" ADD CONSTRAINT "SealHolder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealUse" ADD CONSTRAINT "SealUse_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealUse" ADD CONSTRAINT "SealUse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomingDocument" ADD CONSTRAINT "IncomingDocument_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentDistribution" ADD CONSTRAINT "OfficialDocumentDistribution_officialDocumentId_fkey" FOREIGN KEY ("officialDocumentId") REFERENCES "OfficialDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialDocumentDistribution" ADD CONSTRAINT "OfficialDocumentDistribution_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveFile" ADD CONSTRAINT "ArchiveFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ArchivePackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

