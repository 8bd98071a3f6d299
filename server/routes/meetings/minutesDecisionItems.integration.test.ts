// Minutes, stage 2: decision items typed through a real collab provider; well-typed items kept, a badly typed
// attribute refused with the connection closed and the document as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectCollaborator, paragraph, pmDoc } from '../../../tests/support/collabClient.ts';
import { minutesStateHash } from '../../../tests/support/minutes.ts';
import {
  cityRenewalMeeting,
  decisions,
  givenOpenedMinutes,
  givenWrittenMinutes,
  type CityRenewal,
} from '../../../tests/support/cityRenewalMinutes.ts';

let w: CityRenewal;
beforeEach(async () => {
  w = await cityRenewalMeeting();
});
afterEach(async () => {
  await w.close();
});

describe('decision items through the collab server', () => {
  it('accepts decision items with well-typed fields and a plain numbered item', async () => {
    const documentId = await givenOpenedMinutes(w);
    const writer = await connectCollaborator(w.base, w.as.sunyue!, documentId);
    w.collaborators.push(writer);
    writer.edit((s) => {
      let tr = s.tr;
      for (const d of decisions(w))
        tr = tr.insert(tr.doc.content.size, s.schema.nodes.decisionItem!.create(d.attrs, s.schema.text(d.text)));
      return tr.insert(tr.doc.content.size, paragraph('四、区文旅局牵头，5个工作日内制定景区安全检查方案。'));
    });
    await writer.acked();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await w.t.app.svc.collab.currentState(documentId));
    const items: Array<Record<string, unknown>> = [];
    pmDoc(stored).forEach((n) => {
      if (n.type.name === 'decisionItem') items.push(n.attrs);
    });
    expect(items.map((a) => a.id)).toEqual(['dec-housing-0001', 'dec-ndrc-00000002', 'dec-health-000003']);
    expect(items[0]).toMatchObject({ leadUnits: [{ name: '区住建委' }], owners: [{ name: '郭敏' }] });
  });

  it('refuses a badly typed attribute and closes that connection, keeping the document as it was', async () => {
    const { documentId } = await givenWrittenMinutes(w);
    const stateHash = () => minutesStateHash(w.t, documentId);
    const before = await stateHash();
    const bad = await connectCollaborator(w.base, w.as.sunyue!, documentId);
    w.collaborators.push(bad);
    bad.edit((s) => {
      let pos = -1;
      s.doc.forEach((n, offset) => {
        if (pos < 0 && n.type.name === 'decisionItem') pos = offset;
      });
      return s.tr.setNodeMarkup(pos, undefined, { ...s.doc.nodeAt(pos)!.attrs, due: '明年三月' });
    });
    const closed = await bad.closed;
    expect(closed.reason).toContain('decision item attribute due');
    expect(await stateHash()).toBe(before);
  });
});
