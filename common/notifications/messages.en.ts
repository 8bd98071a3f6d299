// Notification templates in English; the same keys and placeholders as messages.zh-CN.ts.
import type { NotificationMessages } from './messages.zh-CN.ts';

const notificationMessagesEn: NotificationMessages = {
  kinds: {
    account: {
      roles_changed: {
        title: 'Your roles were changed',
        body: 'The security administrator changed your roles; they take effect when you sign in again.',
      },
      clearance_changed: {
        title: 'Your clearance was changed',
        body: 'The security administrator changed your clearance; see it in your settings.',
      },
      mfa_reset: {
        title: 'Your authenticator was reset',
        body: 'The security administrator reset your authenticator; enrol it again at your next sign-in.',
      },
      locked: {
        title: 'Your account was locked for a while',
        body: 'After repeated failed sign-ins your account was locked for a time, and no password could sign in. If this was not you, tell the security administrator at once.',
      },
      password_reset: {
        title: 'Your password was reset',
        body: 'A new password was set for your account with the reset codes from the two administrators, and your other sessions were ended. If this was not you, contact the security administrator at once.',
      },
    },
    comment: {
      mention: { title: '{{author}} mentioned you in “{{document}}”', body: '{{excerpt}}' },
      reply: { title: 'New reply to a comment in “{{document}}”', body: '{{excerpt}}' },
    },
    document: {
      submit: { title: '“{{document}}” was submitted for review', body: '{{note}}' },
      return: { title: '“{{document}}” was returned for changes', body: '{{note}}' },
      finalise: { title: '“{{document}}” was finalised', body: '{{note}}' },
      reopen: { title: '“{{document}}” was reopened', body: '{{note}}' },
    },
    meeting: {
      scheduled: { title: 'Meeting notice: {{meeting}}', body: '{{when}}, {{place}}. Please reply.{{clash}}' },
      rescheduled: { title: 'Meeting moved: {{meeting}}', body: 'Now {{when}}, {{place}}.{{clash}}' },
      updated: {
        title: 'Meeting details changed: {{meeting}}',
        body: '{{when}}, {{place}}. The meeting details were updated; please take a look.',
      },
      cancelled: { title: 'Meeting cancelled: {{meeting}}', body: 'The meeting on {{when}} was cancelled.{{reason}}' },
      uninvited: {
        title: 'No longer invited: {{meeting}}',
        body: 'You are no longer among the participants of the meeting on {{when}}.',
      },
      substitute: {
        title: 'Attending on someone’s behalf: {{meeting}}',
        body: '{{person}} is on leave and named you to attend instead. {{when}}, {{place}}. Please reply.{{clash}}',
      },
      substitute_released: {
        title: 'No longer attending on someone’s behalf: {{meeting}}',
        body: '{{person}} changed their reply; you need not attend the meeting on {{when}}.',
      },
      leave_requested: { title: 'Leave request: {{person}} ({{meeting}})', body: 'Reason: {{reason}}' },
      reminder: { title: 'Meeting reminder: {{meeting}}', body: 'Starts in {{lead}}: {{when}}, {{place}}.' },
      rsvp_reminder: {
        title: 'Please reply: {{meeting}}',
        body: 'You have not replied yet. Starts in {{lead}}: {{when}}, {{place}}.',
      },
    },
    minutes: {
      confirm_request: {
        title: 'Please confirm the minutes: {{meeting}}',
        body: 'The minutes are final; please read them, then confirm or raise an objection.',
      },
      reopened: {
        title: 'Minutes being revised: {{meeting}}',
        body: 'You will be asked to confirm them again after the changes.{{reason}}',
      },
      objection: { title: '{{person}} objected to the minutes: {{meeting}}', body: '{{comment}}' },
      objection_resolved: {
        title: 'Your objection to the minutes was dealt with: {{meeting}}',
        body: '{{resolution}}',
      },
      objection_resolved_by_other: {
        title: '{{resolver}} ({{role}}) answered {{objector}}’s objection to the minutes: {{meeting}}',
        body: '{{resolution}}',
      },
      ready_to_close: { title: 'Everyone confirmed the minutes; ready to issue: {{meeting}}', body: '' },
      closed: { title: 'Minutes issued: {{meeting}}', body: '' },
      proposals: {
        title: 'Supervision proposals from the minutes: {{meeting}}',
        body: '{{created}} new, {{updated}} updated; please review them.',
      },
    },
    supervision: {
      assigned: { title: 'New supervision task to sign for', body: '{{task}}: to be completed by {{dueDate}}' },
      co_assigned: {
        title: 'New supervision task (assisting)',
        body: '{{task}}: please help with it; due {{dueDate}}',
      },
      assigned_to_you: { title: 'A supervision task was assigned to you', body: '{{task}}: due {{dueDate}}' },
      signed: { title: 'Supervision task signed for', body: '{{task}}' },
      progress: { title: 'Progress report ({{percent}}%)', body: '{{task}}' },
      submitted: { title: 'Supervision task submitted for acceptance', body: '{{task}}{{late}}' },
      accepted: { title: 'Supervision task accepted and closed', body: '{{task}}{{note}}' },
      returned: {
        title: 'Supervision task returned for rework',
        body: '{{task}}: rework it and submit again by {{dueDate}}',
      },
      extension_requested: {
        title: 'Extension request awaiting approval',
        body: '{{task}}: extension asked to {{dueDate}}',
      },
      extension_approved: { title: 'Extension approved', body: '{{task}}: new due date {{dueDate}}' },
      extension_refused: { title: 'Extension refused', body: '{{task}}: still due {{dueDate}}' },
      coordination_requested: { title: 'Coordination requested', body: '{{task}}: {{difficulty}}' },
      coordination_recorded: { title: 'Coordination outcome', body: '{{task}}: {{outcome}}' },
      overdue: { title: 'Supervision task overdue', body: '{{task}}: {{days}} overdue (due {{deadline}})' },
      due_soon: { title: 'Supervision task due soon', body: '{{task}}: {{due}}' },
      urged: { title: 'Reminder to act on {{task}}', body: '{{person}} urges: {{message}}' },
    },
    officialDoc: {
      urged: { title: 'Reminder to act on “{{document}}”', body: '{{person}} urges: {{message}}' },
      due_soon: { title: 'Official document due soon', body: '“{{document}}”, {{step}}: {{due}}' },
      overdue: {
        title: 'Official document overdue',
        body: '“{{document}}”, {{step}}: {{days}} past the time limit (due {{deadline}})',
      },
      distributed: { title: 'Document received: “{{document}}”', body: 'Distributed by {{unit}}: please sign for it' },
      distribution_signed: {
        title: 'Document signed for',
        body: '“{{document}}”: signed for by {{person}} of {{unit}}',
      },
      distribution_refused: {
        title: 'Document refused',
        body: '“{{document}}”: refused by {{person}} of {{unit}}. Reason: {{reason}}',
      },
    },
  },
  parts: {
    dayFormat: 'D MMM YYYY',
    timeRange: '{{day}} {{from}}–{{to}}',
    timeRangeAcrossDays: '{{startDay}} {{from}} – {{endDay}} {{to}}',
    inTimeZone: '{{range}} ({{zone}})',
    roomAt: '{{room}} ({{location}})',
    placeOnline: 'online',
    placeHybrid: 'in the room and online',
    placeHybridRoom: '{{room}}, also online',
    placeUnknown: 'place to be announced',
    clash: ' Note: it clashes with another of your meetings.',
    reason: ' Reason: {{text}}.',
    note: ': {{text}}',
    daysOne: '{{n}} day',
    daysOther: '{{n}} days',
    leadDaysOne: '{{n}} day',
    leadDaysOther: '{{n}} days',
    leadHoursOne: '{{n}} hour',
    leadHoursOther: '{{n}} hours',
    leadMinutesOne: '{{n}} minute',
    leadMinutesOther: '{{n}} minutes',
    dueIn: 'due {{deadline}}, {{days}} left',
    dueToday: 'due today ({{deadline}})',
    late: ' (submitted {{days}} late)',
    roleMinuteTaker: 'minute-taker',
    roleHost: 'host',
    roleOrganiser: 'organiser',
  },
};

export default notificationMessagesEn;
