// Every limit, probed with parallel requests (a limit that reads its counter before it writes it gives way to
// concurrency): the sign-in lockout, the sign-in rate per client address, wrong meeting passcodes per person over HTTP
// and socket.io, passcode guesses per client address on socket.io as on HTTP, and upload sizes. Each test on a fresh
// app at the probe's instant.
import { afterEach, expect, it } from 'vitest';
import { PASSCODE_MAX_FAILURES } from '../../server/commands/meetings/meetingOnlineAccess.ts';
import { multipart, pdfBytes } from '../support/meetings.ts';
import { MeetingSocket, scheduleOnlineMeeting } from '../support/onlineMeeting.ts';
import { givenTask } from '../support/supervision.ts';
import { createTestApp, DEMO_PASSWORD, signedIn, type TestApp } from '../support/testApp.ts';
import { codeOf } from './probe.ts';
import { StateProbe } from './stateSnapshot.ts';
import { Tally } from './tally.ts';
import { PROBE_CLOCK } from './world.ts';

let t: TestApp | null = null;
const sockets: MeetingSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await t?.close();
  t = null;
});

const LOCKOUT_THRESHOLD = 5;
/** The coarse per-client-address limit on passcode guesses the HTTP join route has (routes/meetings/online.ts). */
const JOIN_GUESSES_PER_ADDRESS = 30;

async function fresh(config: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  t = await createTestApp({ clockAt: PROBE_CLOCK, ...config });
  return t;
}

const signIn = (app: TestApp, username: string, password: string, remoteAddress = '10.9.0.1') =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password },
    remoteAddress,
  });

it('the sign-in lockout holds against ten wrong passwords at once', async (context) => {
  const app = await fresh({ config: { lockoutThreshold: LOCKOUT_THRESHOLD } });
  const tally = new Tally();
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => signIn(app, 'hejun', `Wrong#Password${i}`, `10.9.1.${i + 1}`)),
  );
  tally.check(answers.some((a) => a.statusCode === 200) ? { leak: true, what: 'a wrong password signed in' } : null);
  const right = await signIn(app, 'hejun', DEMO_PASSWORD, '10.9.1.99');
  tally.check(
    right.statusCode === 200
      ? { leak: true, what: `after 10 parallel wrong passwords the right one still signs in (${right.statusCode})` }
      : null,
  );
  const row = await app.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
  tally.check(row.lockedUntil ? null : { leak: true, what: 'ten parallel wrong passwords left the account unlocked' });
  expect(tally.report(context)).toEqual([]);
});

it('the sign-in rate per client address holds against parallel requests', async (context) => {
  const app = await fresh({ config: { authRateLimit: 5 } });
  const tally = new Tally();
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) => signIn(app, `nobody${i}`, 'Wrong#Password1', '10.9.2.1')),
  );
  const through = answers.filter((a) => a.statusCode !== 429).length;
  tally.check(through <= 5 ? null : { leak: true, what: `${through} of 12 parallel sign-ins passed a limit of 5` });
  const elsewhere = await signIn(app, 'hejun', DEMO_PASSWORD, '10.9.2.2');
  tally.check(
    elsewhere.statusCode === 200
      ? null
      : { leak: false, what: `another address was limited too (${elsewhere.statusCode})` },
  );
  expect(tally.report(context)).toEqual([]);
});

it('wrong meeting passcodes are limited per person against parallel guesses (HTTP join link)', async (context) => {
  const app = await fresh();
  const tally = new Tally();
  const { passcode, joinCode } = await scheduleOnlineMeeting(app, { host: 'wanglei', participants: ['zhangwei'] });
  const outsider = await signedIn(app, 'matao');
  const wrong = passcode === '000000' ? '111111' : '000000';
  const guess = (code: string, i: number) =>
    app.app.inject({
      method: 'POST',
      url: `/api/meetings/join/${joinCode}`,
      headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf },
      payload: { passcode: code },
      remoteAddress: `10.9.3.${i + 1}`,
    });
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(wrong, i)));
  const checked = answers.filter((a) => codeOf(a) === 'wrong_passcode').length;
  tally.check(
    checked <= PASSCODE_MAX_FAILURES
      ? null
      : { leak: true, what: `${checked} of 10 parallel wrong passcodes were checked (limit ${PASSCODE_MAX_FAILURES})` },
  );
  const right = await guess(passcode, 50);
  tally.check(
    right.statusCode === 429
      ? null
      : { leak: true, what: `the right passcode after the limit answered ${right.statusCode} ${codeOf(right)}` },
  );
  expect(tally.report(context)).toEqual([]);
});

it('wrong meeting passcodes are limited per person and per address on socket.io too', async (context) => {
  const app = await fresh();
  const tally = new Tally();
  const url = await app.listen();
  const { meetingId, passcode } = await scheduleOnlineMeeting(app, { host: 'wanglei', participants: ['zhangwei'] });
  const wrong = passcode === '000000' ? '111111' : '000000';

  // Everyone connects first: signing a leader in moves the test clock (a second factor per 30 s step), which would
  // spread the guesses over two of the address's one-minute windows.
  const one = await MeetingSocket.connect(app, url, 'matao');
  sockets.push(one);
  const others = ['hejun', 'xuyan', 'zhengkai', 'wuli', 'lihua', 'fengjie'];
  for (const username of others) sockets.push(await MeetingSocket.connect(app, url, username));

  // One person, ten guesses at once.
  const answers = await Promise.all(Array.from({ length: 10 }, () => one.ask('join', { meetingId, passcode: wrong })));
  const checked = answers.filter((a) => !a.ok && a.code === 'wrong_passcode').length;
  tally.check(
    checked <= PASSCODE_MAX_FAILURES
      ? null
      : { leak: true, what: `socket.io: ${checked} of 10 parallel wrong passcodes were checked` },
  );

  // Six more people from the same address, five guesses each: the address's limit holds as on the HTTP route.
  const many = await Promise.all(
    sockets
      .slice(-others.length)
      .flatMap((s) =>
        Array.from({ length: PASSCODE_MAX_FAILURES }, () => s.ask('join', { meetingId, passcode: wrong })),
      ),
  );
  const total = checked + many.filter((a) => !a.ok && a.code === 'wrong_passcode').length;
  tally.check(
    total <= JOIN_GUESSES_PER_ADDRESS
      ? null
      : {
          leak: true,
          what: `socket.io: ${total} wrong passcodes checked from one address (the HTTP join route allows ${JOIN_GUESSES_PER_ADDRESS} a minute)`,
        },
  );
  expect(tally.report(context)).toEqual([]);
});

it('uploads over the size limit are refused 413 in parallel, and nothing is kept', async (context) => {
  const app = await fresh({ config: { maxUploadMb: 1, supervisionAttachmentMaxMb: 1 } });
  const tally = new Tally();
  const clerk = await signedIn(app, 'zhaojing');
  const supervisor = await signedIn(app, 'zhouqiang');
  const handler = await signedIn(app, 'sunyue');
  const meeting = await scheduleOnlineMeeting(app, { host: 'zhaojing', participants: ['zhangwei'] });
  const office = await app.app.svc.db.unit.findFirstOrThrow({ where: { name: '区政府办公室' } });
  const taskId = await givenTask(supervisor, {
    title: '探针:上传',
    basisType: 'other',
    basisText: '探针依据',
    leadUnitId: office.id,
    requirement: '探针要求',
    dueDate: '2026-04-30',
  });
  await handler.post(`/api/supervision/tasks/${taskId}/sign`, { note: '' });
  const big = pdfBytes('x'.repeat(1024 * 1024 + 512));
  const state = new StateProbe(app.dataDir);
  const before = state.snapshot();
  const uploads = [
    [clerk, `/api/meetings/${meeting.meetingId}/materials?title=big`],
    [handler, `/api/supervision/tasks/${taskId}/attachments`],
  ] as const;
  const answers = await Promise.all(
    uploads.flatMap(([client, url]) =>
      Array.from({ length: 3 }, () => {
        const body = multipart('big.pdf', 'application/pdf', big);
        return client.request('POST', url, body.payload, body.headers);
      }),
    ),
  );
  for (const a of answers)
    tally.check(
      a.statusCode === 413 ? null : { leak: a.statusCode < 300, what: `an upload over 1 MiB answered ${a.statusCode}` },
    );
  const changed = state.changesSince(before);
  state.close();
  tally.check(
    changed.length > 0 ? { leak: true, what: `refused uploads changed the state: ${changed.join('; ')}` } : null,
  );
  expect(tally.report(context)).toEqual([]);
});
