// The server's renderer and the parameter checks: each parameter type written in zh-CN and English, people stored by
// display name, and rows from before parameters still readable.
import { describe, expect, it } from 'vitest';
import type { NoticeLocale, NotificationKind, NotificationParams } from '../../common/notifications/catalogue.ts';
import { readParams, storedParams } from './notificationParams.ts';
import { renderNotification } from './notificationText.ts';

const morning = { start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T03:30:00.000Z', timeZone: 'Asia/Shanghai' };
const overnightInBerlin = {
  start: '2026-12-01T20:00:00.000Z',
  end: '2026-12-01T23:30:00.000Z',
  timeZone: 'Europe/Berlin',
};
const room = { name: '第一会议室', location: '区政府大楼3楼' };

type Case<K extends NotificationKind = NotificationKind> = [
  kind: K,
  params: NotificationParams<K>,
  zhCN: { title: string; body: string },
  en: { title: string; body: string },
];
const c = <K extends NotificationKind>(...args: Case<K>): Case => args as unknown as Case;

const CASES: Case[] = [
  c(
    'comment.mention',
    { author: { id: 'u1', name: '张伟' }, document: '关于开展专项检查的通知', excerpt: '请核对数据' },
    { title: '张伟 在《关于开展专项检查的通知》中提到了你', body: '请核对数据' },
    { title: '张伟 mentioned you in “关于开展专项检查的通知”', body: '请核对数据' },
  ),
  c(
    'meeting.scheduled',
    { meeting: '区政府常务会议', when: morning, place: { mode: 'hybrid', room }, clash: true },
    {
      title: '会议通知：区政府常务会议',
      body: '2026年12月1日 09:00–11:30，第一会议室（区政府大楼3楼），同时线上参会。请及时回执。注意：与您的其他会议时间冲突。',
    },
    {
      title: 'Meeting notice: 区政府常务会议',
      body: '1 Dec 2026 09:00–11:30, 第一会议室 (区政府大楼3楼), also online. Please reply. Note: it clashes with another of your meetings.',
    },
  ),
  c(
    'meeting.rescheduled',
    { meeting: '周例会', when: overnightInBerlin, place: { mode: 'in_room', room: null }, clash: false },
    {
      title: '会议时间地点变更：周例会',
      body: '调整为 2026年12月1日 21:00 – 2026年12月2日 00:30 (Europe/Berlin)，地点待定。',
    },
    {
      title: 'Meeting moved: 周例会',
      body: 'Now 1 Dec 2026 21:00 – 2 Dec 2026 00:30 (Europe/Berlin), place to be announced.',
    },
  ),
  c(
    'meeting.cancelled',
    { meeting: '周例会', when: morning, reason: '' },
    { title: '会议取消：周例会', body: '原定 2026年12月1日 09:00–11:30 的会议已取消。' },
    { title: 'Meeting cancelled: 周例会', body: 'The meeting on 1 Dec 2026 09:00–11:30 was cancelled.' },
  ),
  c(
    'meeting.reminder',
    { meeting: '周例会', lead: 1440, when: morning, place: { mode: 'online', room: null } },
    { title: '会议提醒：周例会', body: '距开始还有 1 天：2026年12月1日 09:00–11:30，线上会议。' },
    { title: 'Meeting reminder: 周例会', body: 'Starts in 1 day: 1 Dec 2026 09:00–11:30, online.' },
  ),
  c(
    'meeting.rsvp_reminder',
    { meeting: '周例会', lead: 15, when: morning, place: { mode: 'hybrid', room: null } },
    { title: '请回执：周例会', body: '您尚未回执。距开始还有 15 分钟：2026年12月1日 09:00–11:30，线上线下同步。' },
    {
      title: 'Please reply: 周例会',
      body: 'You have not replied yet. Starts in 15 minutes: 1 Dec 2026 09:00–11:30, in the room and online.',
    },
  ),
  c(
    'minutes.reopened',
    { meeting: '周例会', reason: '数字有误' },
    { title: '会议纪要重新修改中：周例会', body: '原因：数字有误。修改后将再次请您确认。' },
    {
      title: 'Minutes being revised: 周例会',
      body: 'You will be asked to confirm them again after the changes. Reason: 数字有误.',
    },
  ),
  c(
    'minutes.objection_resolved_by_other',
    {
      meeting: '周例会',
      role: 'host',
      resolver: { id: 'u2', name: '陈明' },
      objector: { id: 'u1', name: '张伟' },
      resolution: '已更正',
    },
    { title: '主持人陈明已处理张伟对会议纪要的异议：周例会', body: '已更正' },
    { title: '陈明 (host) answered 张伟’s objection to the minutes: 周例会', body: '已更正' },
  ),
  c(
    'supervision.due_soon',
    { task: '完成排查', due: { days: 2, deadline: '2026-12-03' } },
    { title: '督办事项即将到期', body: '完成排查：距办理期限（2026-12-03）还有2天' },
    { title: 'Supervision task due soon', body: '完成排查: due 2026-12-03, 2 days left' },
  ),
  c(
    'supervision.due_soon',
    { task: '完成排查', due: { days: 0, deadline: '2026-12-03' } },
    { title: '督办事项即将到期', body: '完成排查：今天（2026-12-03）到期' },
    { title: 'Supervision task due soon', body: '完成排查: due today (2026-12-03)' },
  ),
  c(
    'supervision.overdue',
    { task: '完成排查', days: 1, deadline: '2026-12-03' },
    { title: '督办事项已逾期', body: '完成排查：已逾期1天（期限2026-12-03）' },
    { title: 'Supervision task overdue', body: '完成排查: 1 day overdue (due 2026-12-03)' },
  ),
  c(
    'supervision.submitted',
    { task: '完成排查', late: 0 },
    { title: '督办事项提请验收', body: '完成排查' },
    { title: 'Supervision task submitted for acceptance', body: '完成排查' },
  ),
  c(
    'supervision.submitted',
    { task: '完成排查', late: 3 },
    { title: '督办事项提请验收', body: '完成排查：逾期3天提交' },
    { title: 'Supervision task submitted for acceptance', body: '完成排查 (submitted 3 days late)' },
  ),
  c(
    'supervision.accepted',
    { task: '完成排查', note: '' },
    { title: '督办事项已验收办结', body: '完成排查' },
    { title: 'Supervision task accepted and closed', body: '完成排查' },
  ),
  c(
    'supervision.progress',
    { task: '完成排查', percent: 60 },
    { title: '进展报送（60%）', body: '完成排查' },
    { title: 'Progress report (60%)', body: '完成排查' },
  ),
  c(
    'account.password_reset',
    {},
    {
      title: '您的密码已重置',
      body: '已使用两位管理员分别提供的重置码为您的账号设置了新密码，其他登录已退出。如果不是您本人操作，请立即联系安全保密管理员。',
    },
    {
      title: 'Your password was reset',
      body: 'A new password was set for your account with the reset codes from the two administrators, and your other sessions were ended. If this was not you, contact the security administrator at once.',
    },
  ),
];

describe('renderNotification', () => {
  it.each(CASES)('%s in zh-CN and English', (kind, params, zhCN, en) => {
    const locales: Array<[NoticeLocale, { title: string; body: string }]> = [
      ['zh-CN', zhCN],
      ['en', en],
    ];
    for (const [locale, expected] of locales) expect(renderNotification(kind, params, locale)).toEqual(expected);
  });
});

describe('storedParams', () => {
  const names = new Map([['u-zhangwei', '张伟']]);

  it('stores a person by id with their display name, and instants as ISO strings', () => {
    expect(storedParams('comment.mention', { author: 'u-zhangwei', document: '通知', excerpt: '请看' }, names)).toEqual(
      { author: { id: 'u-zhangwei', name: '张伟' }, document: '通知', excerpt: '请看' },
    );
    const when = {
      start: new Date('2026-12-01T01:00:00Z'),
      end: new Date('2026-12-01T02:00:00Z'),
      timeZone: 'Asia/Shanghai',
    };
    expect(storedParams('meeting.uninvited', { meeting: '周例会', when }, names)).toEqual({
      meeting: '周例会',
      when: { start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T02:00:00.000Z', timeZone: 'Asia/Shanghai' },
    });
  });

  it('refuses a person it cannot name and parameters the catalogue does not allow', () => {
    expect(() => storedParams('comment.mention', { author: 'u-nobody', document: '通知', excerpt: '' }, names)).toThrow(
      /unknown user/,
    );
    expect(() => storedParams('supervision.assigned', { task: '任务', dueDate: '12月1日' }, names)).toThrow();
  });
});

describe('readParams', () => {
  it('reads what was stored, and keeps older rows and unknown kinds on their stored text', () => {
    expect(readParams('minutes.closed', JSON.stringify({ meeting: '周例会' }))).toEqual({
      kind: 'minutes.closed',
      params: { meeting: '周例会' },
    });
    // Rows from before params: kinds without parameters still render in the reader's language, the others do not.
    expect(readParams('account.mfa_reset', null)).toEqual({ kind: 'account.mfa_reset', params: {} });
    expect(readParams('meeting.scheduled', null)).toBeNull();
    expect(readParams('test', JSON.stringify({}))).toBeNull();
    expect(readParams('minutes.closed', '{not json')).toBeNull();
    expect(readParams('minutes.closed', JSON.stringify({ meeting: 1 }))).toBeNull();
  });
});
