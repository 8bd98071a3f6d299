// Recording a live meeting through the real server: the host starts it over HTTP, everyone in the meeting is told
// over socket.io (and whoever joins later, on joining), only the host controls it, chapters follow the agenda, and
// the finished file is sealed in the file store, listed for those who may see the meeting and served with byte
// ranges. The quota holds under parallel starts and finishes. Real mediasoup worker, real ffmpeg.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishRecording } from '../../commands/meetings/recordingFinisher.ts';
import { startRecording } from '../../commands/meetings/recordingStarter.ts';
import { signedIn, type TestClient } from '../../../tests/support/testApp.ts';
import { joined, scheduleOnlineMeeting, useOnlineMeetingApp, userIdOf } from '../../../tests/support/onlineMeeting.ts';

const MB = 1024 * 1024;
const online = useOnlineMeetingApp({ recordingQuotaMb: 3, recordingReserveMb: 1 });
const { as } = online;

function systemContext() {
  return { actor: null, ip: '', userAgent: 'test', at: online.t.clock.now(), auditKey: online.t.app.svc.keys.audit };
}

describe('meeting recording', { timeout: 90_000 }, () => {
  it('is started and stopped by the host, announced to everyone, sealed, listed and played', async () => {
    const { meetingId } = await scheduleOnlineMeeting(online.t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun'],
    });
    const organiser: TestClient = await signedIn(online.t, 'zhaojing');
    const agenda = await organiser.put(`/api/meetings/${meetingId}/agenda`, {
      items: [{ title: '听取工作汇报' }, { title: '审议实施方案' }],
    });
    expect(agenda.statusCode).toBe(200);
    const items = await online.t.app.svc.db.meetingAgendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
    });

    const hostSocket = await as('wanglei');
    joined(await hostSocket.request('join', { meetingId }));
    const member = await as('zhangwei');
    expect(joined(await member.request('join', { meetingId })).recording).toBeNull();
    const host = await signedIn(online.t, 'wanglei');
    const memberHttp = await signedIn(online.t, 'zhangwei');

    // Only the host records.
    const refused = await memberHttp.post(`/api/meetings/${meetingId}/recording/start`);
    expect(refused.statusCode).toBe(403);

    const told = member.next('recording', (n) => n.data.recording !== null);
    const started = await host.post(`/api/meetings/${meetingId}/recording/start`);
    expect(started.statusCode, started.body).toBe(200);
    const { recordingId } = started.json() as { recordingId: string };
    expect((await told).data.recording?.recordingId).toBe(recordingId);

    const again = await host.post(`/api/meetings/${meetingId}/recording/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_recording' });
    expect((again.json() as { message: string }).message).toMatch(/正在录制/);

    // Someone joining later is told on joining.
    const late = await as('hejun');
    expect(joined(await late.request('join', { meetingId })).recording).toMatchObject({ recordingId });

    const chapter = await host.post(`/api/meetings/${meetingId}/recording/chapter`, { agendaItemId: items[1]!.id });
    expect(chapter.statusCode, chapter.body).toBe(200);
    const foreign = await host.post(`/api/meetings/${meetingId}/recording/chapter`, { agendaItemId: 'nope' });
    expect(foreign.statusCode).toBe(400);

    const over = late.next('recording', (n) => n.data.recording === null);
    const stopped = await host.post(`/api/meetings/${meetingId}/recording/stop`);
    expect(stopped.statusCode, stopped.body).toBe(200);
    await over;
    await online.t.app.svc.recordings.settled(meetingId);

    const list = await memberHttp.get(`/api/meetings/${meetingId}/recordings`);
    expect(list.statusCode).toBe(200);
    const [recording] = (list.json() as { items: Array<Record<string, unknown>> }).items;
    expect(recording).toMatchObject({ id: recordingId, status: 'complete', endReason: 'stopped', playable: true });
    expect((recording!.chapters as Array<{ title: string }>).map((c) => c.title)).toEqual([
      '1. 听取工作汇报',
      '2. 审议实施方案',
    ]);
    const row = await online.t.app.svc.db.meetingRecording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(row.reservedBytes).toBe(0n);
    expect(row.size).toBeGreaterThan(0n);
    // Sealed in the file store like a material: the stored bytes are not the WebM itself.
    expect(await online.t.app.svc.files.has(row.sha256!)).toBe(true);

    const part = await memberHttp.request(
      'GET',
      `/api/meetings/${meetingId}/recordings/${recordingId}/content`,
      undefined,
      {
        range: 'bytes=0-99',
      },
    );
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${row.size}`);
    expect(part.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const whole = await memberHttp.get(`/api/meetings/${meetingId}/recordings/${recordingId}/content`);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.length).toBe(Number(row.size));

    // Someone who may not see the meeting learns nothing of its recordings.
    const outsider = await signedIn(online.t, 'matao');
    expect((await outsider.get(`/api/meetings/${meetingId}/recordings`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/meetings/${meetingId}/recordings/${recordingId}/content`)).statusCode).toBe(404);

    const audits = await online.t.app.svc.db.auditEvent.findMany({
      where: { resourceId: meetingId, action: { startsWith: 'meeting.recording.' } },
      orderBy: { seq: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual([
      'meeting.recording.start',
      'meeting.recording.chapter',
      'meeting.recording.stop',
      'meeting.recording.finish',
    ]);
  });

  it('keeps kept recordings and reservations within the quota, under parallel starts and finishes', async () => {
    const svc = online.t.app.svc;
    // The first test's recording is kept and counts; clear the slate so the arithmetic below is this test's own.
    await svc.db.meetingRecording.deleteMany({});
    const meetings = await Promise.all(
      ['wanglei', 'lihua', 'wanglei', 'lihua', 'wanglei'].map((host) =>
        scheduleOnlineMeeting(online.t, { host, participants: ['zhangwei'] }),
      ),
    );
    const startedById = await userIdOf(online.t, 'wanglei');
    // Quota 3 MB, 1 MB reserved per recording: of five parallel starts, exactly three get in.
    const starts = await Promise.allSettled(
      meetings.map((m) => startRecording(svc, systemContext(), { meetingId: m.meetingId, startedById })),
    );
    const ok = starts.filter((s) => s.status === 'fulfilled');
    expect(ok).toHaveLength(3);
    for (const s of starts)
      if (s.status === 'rejected')
        expect(s.reason).toMatchObject({ statusCode: 409, code: 'recording_quota_exceeded' });
    const refusal = starts.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect((refusal.reason as Error).message).toMatch(/录像存储空间已满/);

    // Three finish at once, each keeping half a megabyte: 1.5 MB kept, nothing reserved.
    const rows = await svc.db.meetingRecording.findMany({ where: { status: 'recording' } });
    await Promise.all(
      rows.map((r, i) =>
        finishRecording(svc, systemContext(), {
          meetingId: r.meetingId,
          recordingId: r.id,
          outcome: {
            status: 'complete',
            endReason: 'stopped',
            file: { sha256: String(i).repeat(64), size: MB / 2 },
            durationMs: 1000,
            chapters: [],
          },
        }),
      ),
    );
    const sums = await svc.db.meetingRecording.aggregate({ _sum: { size: true, reservedBytes: true } });
    expect(sums._sum).toEqual({ size: BigInt(1.5 * MB), reservedBytes: 0n });

    // 1.5 MB left: of two parallel starts one fits (1 MB), the other would overrun.
    const idle = meetings.filter((m) => !rows.some((r) => r.meetingId === m.meetingId));
    const second = await Promise.allSettled(
      idle.map((m) => startRecording(svc, systemContext(), { meetingId: m.meetingId, startedById })),
    );
    expect(second.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const total = await svc.db.meetingRecording.aggregate({ _sum: { size: true, reservedBytes: true } });
    expect(Number(total._sum.size) + Number(total._sum.reservedBytes)).toBeLessThanOrEqual(3 * MB);
  });

  it('after a restart, fails the recordings this process left in progress and releases their space', async () => {
    const svc = online.t.app.svc;
    await svc.db.meetingRecording.deleteMany({});
    const { meetingId } = await scheduleOnlineMeeting(online.t, { host: 'wanglei', participants: ['zhangwei'] });
    const startedById = await userIdOf(online.t, 'wanglei');
    const ours = await startRecording(svc, systemContext(), { meetingId, startedById });
    const other = await scheduleOnlineMeeting(online.t, { host: 'lihua', participants: ['zhangwei'] });
    const elsewhere = await startRecording(svc, systemContext(), { meetingId: other.meetingId, startedById });
    // Our recorder had written its streams here; the other recording belongs to another instance's data directory.
    fs.mkdirSync(path.join(online.t.dataDir, 'recordings', ours.id), { recursive: true });

    await svc.recordings.recover();
    const rows = await svc.db.meetingRecording.findMany({ orderBy: { startedAt: 'asc' } });
    expect(rows.find((r) => r.id === ours.id)).toMatchObject({
      status: 'failed',
      endReason: 'server_restart',
      reservedBytes: 0n,
    });
    expect(rows.find((r) => r.id === elsewhere.id)).toMatchObject({ status: 'recording', reservedBytes: BigInt(MB) });
  });
});
