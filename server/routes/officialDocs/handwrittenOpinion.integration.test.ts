// 手写签批 over HTTP: a reviewer and the 区长 sign with the stylus (with or without typed text); the handwriting is
// stored with the immutable opinion and returned in the 办文单; handwriting over the ink limits or badly encoded is
// refused with 400 in Chinese and English, changes nothing, and is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePoints, INK_LIMITS } from '../../../common/schema/inkModel.ts';
import { HANDWRITTEN_OPINION_TEXT, OPINION_INK_LIMITS } from '../../../common/officialDocs/opinionInk.ts';
import { refusedByTrigger } from '../../db/triggerRefusal.ts';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhaojing']) as[name] = await signedIn(t, name);
  as.chenming = await signedInWithMfa(t, 'chenming');
});
afterEach(async () => {
  await t.close();
});

const route = () => ({
  steps: [
    { id: 'review', name: '秘书科审核', kind: 'single', handlers: [{ userId: ids.zhaojing }] },
    { id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] },
  ],
});

/** A stroke of `n` points along a gentle curve across the pad. */
const stroke = (n: number, width = 3) => {
  const flat: number[] = [];
  for (let i = 0; i < n; i++) flat.push(0.1 + (0.8 * i) / n, 0.5 + 0.2 * Math.sin(i / 10), 0.4 + 0.2 * ((i % 5) / 5));
  return { points: encodePoints(flat), width };
};
/** 同意 in three strokes and a signature underneath. */
const signature = { aspect: 0.4, strokes: [stroke(40), stroke(25, 4), stroke(60, 2.5), stroke(120)] };

async function atSignOff(): Promise<string> {
  const id = await givenOfficialDoc(as.sunyue!);
  await givenSubmitted(as.sunyue!, id, route());
  await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '拟同意，请陈区长签发。' });
  return id;
}

const opinionsOf = (id: string) =>
  t.app.svc.db.officialDocumentOpinion.findMany({ where: { officialDocumentId: id }, orderBy: { createdAt: 'asc' } });
const failures = async (id: string) =>
  (
    await t.app.svc.db.auditEvent.findMany({
      where: { resourceType: 'official_document', resourceId: id, outcome: 'failure' },
      orderBy: { seq: 'asc' },
    })
  ).map((e) => [e.action, (JSON.parse(e.detail) as { code: string }).code]);

describe('a handwritten opinion (手写签批)', () => {
  it('signs off by hand alone: the strokes are stored with the opinion and drawn from the detail', async () => {
    const id = await atSignOff();
    const res = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '  ', ink: signature });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.status).toBe('signed_off');
    expect(doc.opinions.map((o: { kind: string; text: string }) => [o.kind, o.text])).toEqual([
      ['review', '拟同意，请陈区长签发。'],
      ['signoff', HANDWRITTEN_OPINION_TEXT],
    ]);
    expect(doc.opinions[0].ink).toBeNull();
    expect(doc.opinions[1].ink).toEqual(signature);
    expect(doc.opinions[1].by.name).toBe('陈明');
    // Everyone who reads the 公文 sees the same handwriting in the 办文单.
    expect((await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().opinions[1].ink).toEqual(signature);
    const [, stored] = await opinionsOf(id);
    expect(JSON.parse(stored!.ink!)).toEqual(signature);
  });

  it('keeps typed text beside the handwriting, on any opinion (审核意见 here)', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, route());
    const res = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${id}/step`, {
      action: 'approve',
      opinion: '同意',
      ink: { aspect: 1, strokes: [stroke(2, 1)] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().opinions[0]).toMatchObject({ text: '同意', ink: { aspect: 1, strokes: [stroke(2, 1)] } });
  });

  it('keeps the handwriting as given: the database refuses to change or remove it', async () => {
    const id = await atSignOff();
    await givenStep(as.chenming!, id, { action: 'open' });
    expect(
      (await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意', ink: signature })).statusCode,
    ).toBe(200);
    const [, opinion] = await opinionsOf(id);
    const rows = t.app.svc.db.officialDocumentOpinion;
    const write = rows.update({
      where: { id: opinion!.id },
      data: { ink: JSON.stringify({ aspect: 1, strokes: [] }) },
    });
    expect(
      await write.then(
        () => 'written',
        (err: unknown) => (refusedByTrigger(err, 'opinions are immutable') ? 'refused' : String(err)),
      ),
    ).toBe('refused');
    expect(await rows.findUniqueOrThrow({ where: { id: opinion!.id } })).toEqual(opinion);
  });

  it('refuses handwriting that is empty, over the limits or badly encoded: 400 in both languages, nothing stored, audited', async () => {
    const id = await atSignOff();
    const before = await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } });
    const tooMany = Array.from({ length: OPINION_INK_LIMITS.maxStrokes + 1 }, () => stroke(2));
    const bad = [
      { aspect: 0.4, strokes: [] },
      { aspect: 0.4, strokes: [stroke(INK_LIMITS.maxPointsPerStroke + 1)] },
      { aspect: 0.4, strokes: tooMany },
      { aspect: 0.4, strokes: Array.from({ length: 11 }, () => stroke(4000)) },
      { aspect: 0.4, strokes: [stroke(10, 0)] },
      { aspect: 0.4, strokes: [stroke(10, OPINION_INK_LIMITS.maxWidth + 1)] },
      { aspect: 50, strokes: [stroke(10)] },
      { aspect: 0.4, strokes: [{ points: 'not ink at all', width: 3 }] },
      // Two values of a triple only: not x, y, pressure.
      { aspect: 0.4, strokes: [{ points: encodePoints([0.1, 0.2, 0.3]).slice(0, 2), width: 3 }] },
    ];
    for (const ink of bad) {
      const res = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意', ink });
      expect(res.statusCode, JSON.stringify(ink).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe('ink_invalid');
      expect(res.json().message).toContain('手写签批无效');
      expect(res.json().message).toContain('handwriting is not valid');
    }
    // A stroke that is not one at all is refused at the edge.
    const shape = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, {
      opinion: '同意',
      ink: { aspect: 0.4, strokes: [{ points: 'abc', width: 3, color: '#ff0000' }] },
    });
    expect(shape.statusCode).toBe(400);
    // Neither text nor handwriting: there is no opinion to record.
    const none = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: ' ' });
    expect([none.statusCode, none.json().code]).toEqual([400, 'opinion_required']);
    expect(await opinionsOf(id)).toHaveLength(1);
    expect(await t.app.svc.db.officialDocument.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await failures(id)).toEqual([
      ...bad.map(() => ['officialDoc.signOff', 'ink_invalid']),
      ['officialDoc.signOff', 'opinion_required'],
    ]);
  });
});
