// The test files that scripts/test.mjs runs a second time with every test app on PostgreSQL
// (TONGBAN_TEST_DATABASE=postgres, when TONGBAN_TEST_POSTGRES_URL is set; each test app on a schema of its own). The
// goal is the whole suite; README "Scaling out" says what keeps the others off this list. A file joins the list once
// `TONGBAN_TEST_DATABASE=postgres TONGBAN_TEST_POSTGRES_URL=… npx vitest run <file>` passes.
export const POSTGRES_TEST_FILES = [
  // The audit chain across instances, and the database's refusals; audit:verify after an intruder with psql edited or
  // deleted events.
  'server/audit/auditChain.postgres.integration.test.ts',
  'server/audit/auditDetails.integration.test.ts',
  'tests/integration/auditVerify.integration.test.ts',
  // Sign-in, second factor, sessions, lockout under parallel attempts; users and the separated administrators.
  'server/routes/auth/auth.integration.test.ts',
  'server/routes/auth/mfaForAll.integration.test.ts',
  'server/routes/auth/lockoutConcurrency.integration.test.ts',
  'server/routes/users/users.integration.test.ts',
  'server/routes/users/separatedDuties.integration.test.ts',
  'server/routes/addressBook/addressBook.integration.test.ts',
  // Sessions ending on one instance close editors on another (with TONGBAN_TEST_REDIS_URL).
  'tests/integration/scaleOutSessions.integration.test.ts',
  'server/routes/notifications/notifications.integration.test.ts',
  'server/routes/documents/shares.integration.test.ts',
  // Meetings: scheduling, room bookings raced, attendance, the calendar, finalising minutes.
  'server/routes/meetings/roomBooking.concurrency.integration.test.ts',
  'server/routes/meetings/scheduling.integration.test.ts',
  'server/routes/meetings/attendance.integration.test.ts',
  'server/routes/meetings/calendar.integration.test.ts',
  'server/routes/meetings/minutesFinalise.integration.test.ts',
  // 公文: 发文 and 收文 through their routes, numbers allocated at once without gaps.
  'server/routes/officialDocs/officialDocs.integration.test.ts',
  'server/routes/officialDocs/numberRegister.integration.test.ts',
  'server/routes/officialDocs/incoming.integration.test.ts',
  'server/routes/officialDocs/distribution.integration.test.ts',
  'server/routes/officialDocs/followUp.integration.test.ts',
  // Supervision: the task's course, its lists, the leader dashboard and statistics; urging.
  'server/routes/supervision/supervision.integration.test.ts',
  'server/routes/supervision/urge.integration.test.ts',
  // The task lists and statistics against an oracle, on 500 generated tasks copied in from SQLite.
  'server/queries/supervision/taskList.integration.test.ts',
  // The calendar's deadlines (公文 steps and supervision tasks), and 已办.
  'server/routes/calendar/calendar.integration.test.ts',
  'server/routes/todo/done.integration.test.ts',
  // The 待办 centre: against its oracle (the world seeded in SQLite, copied in), and live.
  'server/queries/todo/todoCentre.integration.test.ts',
  'server/queries/todo/todoLive.integration.test.ts',
  // First run, setup and security status; units' archive codes; seals, 公文 in transit, deadlines in lists, format
  // checks, handwritten opinions; meetings: passcode limits, plenary editing, minutes (decision items, document access,
  // closing); archiving on demand, document export, templates.
  'server/routes/setup/setup.integration.test.ts',
  'server/routes/system/securityStatus.integration.test.ts',
  'server/routes/units/unitArchiveCode.integration.test.ts',
  'server/routes/seals/seals.integration.test.ts',
  'server/routes/officialDocs/inTransit.integration.test.ts',
  'server/routes/officialDocs/listDeadlines.integration.test.ts',
  'server/routes/officialDocs/formatCheck.integration.test.ts',
  'server/routes/officialDocs/handwrittenOpinion.integration.test.ts',
  'server/routes/officialDocs/templates.integration.test.ts',
  'server/routes/meetings/passcodeLimit.integration.test.ts',
  'server/routes/meetings/plenaryEdit.integration.test.ts',
  'server/routes/meetings/minutesDecisionItems.integration.test.ts',
  'server/routes/meetings/minutesDocumentAccess.integration.test.ts',
  'server/routes/meetings/minutesClose.integration.test.ts',
  'server/routes/archive/archiveOnDemand.integration.test.ts',
  'server/routes/documents/export.integration.test.ts',
  // 用印 and attachments checked by `npm run cli -- verify-document`, archive packages by `archive-verify` (the CLI on
  // the test app's schema: cliEnv).
  'server/routes/officialDocs/sealing.integration.test.ts',
  'server/routes/officialDocs/attachments.integration.test.ts',
  'server/routes/archive/archive.integration.test.ts',
  // Backups: pg_dump of the test app's schema, the restore drill in a scratch schema (row counts, the audit chain),
  // restore into an empty schema, pg_dump refused when missing or too old; the operator CLI's backup and restore.
  'server/jobs/scheduledBackups.integration.test.ts',
  'tests/integration/cli.integration.test.ts',
  // Jobs (search indexing, meeting reminders), socket.io and the plenary's signalling, notices and their gate, the API
  // docs and the business workspace, refused access, calendar days, well-formed text, the platform's checks.
  'server/jobs/searchIndexer.integration.test.ts',
  'server/jobs/meetingReminders.integration.test.ts',
  'server/realtime/socketServer.integration.test.ts',
  'server/realtime/onlineMeeting/plenary.integration.test.ts',
  'server/notifications/notificationGate.integration.test.ts',
  'server/notifications/accountNotices.integration.test.ts',
  'server/plugins/apiDocs.integration.test.ts',
  'server/plugins/businessWorkspace.integration.test.ts',
  'tests/integration/refusedAccess.integration.test.ts',
  'tests/integration/calendarDays.integration.test.ts',
  'tests/integration/wellFormedText.integration.test.ts',
  'tests/integration/platform.integration.test.ts',
  // The document list and search hits (what each reader may see).
  'server/queries/documents/documentList.integration.test.ts',
  'server/queries/search/searchHits.integration.test.ts',
  // 公文 bodies: who may read and edit them; numbers allocated; route templates; review versions of a document.
  'server/commands/officialDocs/bodyAccess.integration.test.ts',
  'server/commands/officialDocs/bodyEditRule.integration.test.ts',
  'server/commands/officialDocs/numberAllocator.integration.test.ts',
  'server/routes/officialDocs/routeTemplates.integration.test.ts',
  'server/routes/documents/reviewVersions.integration.test.ts',
  // Meetings: objections to minutes, the tasks closed minutes propose, annotations, minutes templates, materials.
  'server/routes/meetings/minutesObjections.integration.test.ts',
  'server/routes/meetings/minutesProposals.integration.test.ts',
  'server/routes/meetings/annotations.integration.test.ts',
  'server/routes/meetings/minutesTemplate.integration.test.ts',
  'server/routes/meetings/materials.integration.test.ts',
  // The authenticator's enrolment; values resealed at rest (and after a restart with SM4 on the same schema); the audit
  // head checkpoint once the newest events were deleted (node-postgres on the test app's schema); OCR of scans, also
  // after a restart on the same schema; the demo content.
  'server/commands/accounts/totpEnroller.integration.test.ts',
  'server/commands/security/atRestResealer.integration.test.ts',
  'server/audit/headAnchor.integration.test.ts',
  'server/jobs/ocrRecognition.integration.test.ts',
  'server/seed/demoContent.integration.test.ts',
  // Supervision's deadline warnings; online meetings' signalling over real mediasoup workers (who joins, the lobby,
  // consuming within the meeting, the host's controls) and their recording.
  'server/jobs/supervisionWarnings.integration.test.ts',
  'server/realtime/onlineMeeting/meetingSignaling.integration.test.ts',
  'server/realtime/onlineMeeting/meetingRecording.integration.test.ts',
];
