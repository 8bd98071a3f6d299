// 归档 on demand: closed minutes are packaged when their unit's archivist asks (the closed PDF, every version as
// readable content, confirmations and signature), become read-only for good, and only once; minutes not closed, and a
// task not completed, are refused (409); someone who may not read them gets 404 (audited). A completed supervision task
// is packaged with its record, timeline and attachments. The minutes' and the task's own pages say where they stand in
// the archive (`archive`: requested, sealed with 档号) and offer 归档 only to whom archive.request allows.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/calendar/isoDate.ts';
import { cityRenewalMeeting, givenClosed, type CityRenewal } from '../../../tests/support/cityRenewalMinutes.ts';
import { givenTask } from '../../../tests/support/supervision.ts';
import { signedIn, signedInWithMfa, type TestClient } from '../../../tests/support/testApp.ts';

const REQUESTS = '/api/archive/requests';
const ARCHIVE = '/api/archive/packages';
let w: CityRenewal;
const standing = async (as: TestClient, url: string) =>
  (await as.get(url)).json() as {
    archive: { status: string | null; archiveNumber: string | null; canRequest: boolean };
    me?: { canReopen: boolean };
  };
const tick = () =>
  (w.t.app as unknown as { jobs: { archive: { tick(): Promise<{ built: number }> } } }).jobs.archive.tick();

beforeAll(async () => {
  w = await cityRenewalMeeting();
  const office = await w.t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
  await w.t.app.svc.db.userRole.create({ data: { userId: office.id, role: 'archivist' } });
  await w.t.app.svc.db.unit.update({ where: { id: office.unitId }, data: { archiveCode: 'ZFB' } });
  // Roles are read at sign-in.
  w.as.zhaojing = await signedIn(w.t, 'zhaojing');
}, 120_000);
afterAll(async () => {
  await w.close();
});

describe('归档 on demand', () => {
  it('packages closed minutes for the archivist, once, and freezes them', async () => {
    const documentId = (await w.t.app.svc.db.meetingMinutes.findUnique({ where: { meetingId: w.meetingId } }))
      ?.documentId;
    // Not opened yet: nothing to archive.
    expect(documentId).toBeUndefined();
    const closedId = await givenClosed(w);
    const view = w.minutesUrl();
    const none = { status: null, archiveNumber: null };
    // The unit's archivist may ask; an attendee who reads them may not; the minute-taker may still reopen.
    expect((await standing(w.as.zhaojing!, view)).archive).toEqual({ ...none, canRequest: true });
    expect((await standing(w.as.zhangwei!, view)).archive).toEqual({ ...none, canRequest: false });
    expect((await standing(w.as.sunyue!, view)).me?.canReopen).toBe(true);
    // A reader of another unit who was not at the table: 404, as for no minutes.
    const outsider = await signedInWithMfa(w.t, 'yangfan');
    expect((await outsider.post(REQUESTS, { objectType: 'minutes', objectId: closedId })).statusCode).toBe(404);
    // An attendee who reads them but keeps no archive: 403.
    expect((await w.as.zhangwei!.post(REQUESTS, { objectType: 'minutes', objectId: closedId })).statusCode).toBe(403);

    const asked = await w.as.zhaojing!.post(REQUESTS, { objectType: 'minutes', objectId: closedId });
    expect(asked.statusCode).toBe(202);
    const { packageId } = asked.json() as { packageId: string };
    expect((await w.as.zhaojing!.post(REQUESTS, { objectType: 'minutes', objectId: closedId })).statusCode).toBe(409);
    const doc = await w.t.app.svc.db.document.findUniqueOrThrow({ where: { id: closedId } });
    expect(doc.status).toBe('archived');
    const asked1 = { status: 'queued', archiveNumber: null, canRequest: false };
    expect((await standing(w.as.zhaojing!, view)).archive).toEqual(asked1);
    expect((await standing(w.as.zhangwei!, view)).archive).toEqual(asked1);
    // Archived minutes are read-only for good: nobody is offered 重新打开.
    expect((await standing(w.as.sunyue!, view)).me?.canReopen).toBe(false);
    const reopen = await w.as.sunyue!.post(w.minutesUrl('/reopen'), { reason: '补充' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({
      code: 'minutes_archived',
      message: 'The minutes are archived and cannot be reopened (纪要已归档，不能重新打开)',
    });

    expect(await tick()).toMatchObject({ built: 1 });
    const pkg = (await w.as.zhaojing!.get(`${ARCHIVE}/${packageId}`)).json();
    expect(pkg).toMatchObject({ status: 'built', objectType: 'minutes', retention: '30y', year: 2026 });
    const paths = (pkg.files as Array<{ path: string }>).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['00-著录.json', '01-纪要.pdf', '05-版本/版本.json', '06-签章.json']));
    const minutes = await w.t.app.svc.db.meetingMinutes.findUniqueOrThrow({ where: { meetingId: w.meetingId } });
    expect((await w.as.zhaojing!.post(`${ARCHIVE}/${packageId}/seal`)).json().archiveNumber).toBe('ZFB-2026-D30-0001');
    expect((await standing(w.as.zhangwei!, view)).archive).toEqual({
      status: 'sealed',
      archiveNumber: 'ZFB-2026-D30-0001',
      canRequest: false,
    });
    const zip = unzipSync(new Uint8Array((await w.as.zhaojing!.get(`${ARCHIVE}/${packageId}/zip`)).rawPayload));
    const signature = JSON.parse(Buffer.from(zip['06-签章.json']!).toString('utf8')) as { signature: string };
    expect(signature.signature).toBe(minutes.signature);
    // Versions are readable content, not the server's sealed bytes.
    const versionPath = paths.find((p) => /^05-版本\/\d{3}-/.test(p))!;
    const version = JSON.parse(Buffer.from(zip[versionPath]!).toString('utf8')) as { content: { type: string } };
    expect(version.content.type).toBe('doc');
    expect((await w.as.zhaojing!.post(`${ARCHIVE}/${packageId}/verify`)).json()).toMatchObject({ ok: true });
    expect(await w.t.app.svc.db.auditEvent.count({ where: { action: 'archive.request', outcome: 'success' } })).toBe(1);
  }, 120_000);

  it('packages a completed supervision task and refuses one still open', async () => {
    const zhouqiang = w.as.zhouqiang!;
    const office = await w.t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
    const taskId = await givenTask(zhouqiang, {
      title: '完善城市更新项目台账',
      basisType: 'other',
      basisText: '专题会议要求',
      leadUnitId: office.unitId,
      coUnitIds: [],
      requirement: '形成台账',
      dueDate: addDays('2026-11-18', 20),
      priority: 'normal',
    });
    const taskUrl = `/api/supervision/tasks/${taskId}`;
    // Not completed: nobody is offered 归档.
    expect((await standing(w.as.zhaojing!, taskUrl)).archive).toEqual({
      status: null,
      archiveNumber: null,
      canRequest: false,
    });
    const open = await w.as.zhaojing!.post(REQUESTS, { objectType: 'supervision_task', objectId: taskId });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('not_finished');
    // Fixture: the task's acceptance is covered by the supervision tests; here it is simply completed.
    await w.t.app.svc.db.supervisionTask.update({ where: { id: taskId }, data: { status: 'completed' } });
    expect((await standing(w.as.zhaojing!, taskUrl)).archive.canRequest).toBe(true);
    // The supervisor reads the task but is not the lead unit's archivist or clerk.
    expect((await standing(zhouqiang, taskUrl)).archive.canRequest).toBe(false);
    expect((await zhouqiang.post(REQUESTS, { objectType: 'supervision_task', objectId: taskId })).statusCode).toBe(403);
    const asked = await w.as.zhaojing!.post(REQUESTS, { objectType: 'supervision_task', objectId: taskId });
    expect(asked.statusCode).toBe(202);
    expect((await standing(w.as.zhaojing!, taskUrl)).archive).toEqual({
      status: 'queued',
      archiveNumber: null,
      canRequest: false,
    });
    expect(await tick()).toMatchObject({ built: 1 });
    expect((await standing(w.as.zhaojing!, taskUrl)).archive.status).toBe('built');
    const pkg = (await w.as.zhaojing!.get(`${ARCHIVE}/${asked.json().packageId as string}`)).json();
    expect(pkg).toMatchObject({ status: 'built', objectType: 'supervision_task', retention: '10y' });
    expect((pkg.files as Array<{ path: string }>).map((f) => f.path)).toEqual(['00-著录.json', '04-办理过程.json']);
  }, 60_000);
});
