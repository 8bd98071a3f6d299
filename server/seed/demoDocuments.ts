// Demo documents played through the document commands: each is created by its owner, written through the collab
// server, shared, commented on (threads anchored in the text, replies, resolved threads), reviewed with tracked
// changes, accepted, and moved through its workflow — so every status has documents, with versions at each step.
import { openThread, replyToThread, setThreadResolved } from '../commands/documents/commentThreads.ts';
import { createDocument } from '../commands/documents/documentCreator.ts';
import { recordDocumentOpen } from '../commands/documents/documentOpener.ts';
import { setDocumentShares, type ShareInput } from '../commands/documents/documentSharer.ts';
import { stepDocumentWorkflow } from '../commands/documents/documentWorkflowStepper.ts';
import { decideOnSuggestions } from '../commands/documents/suggestionDecider.ts';
import { authorizeWorkflow } from '../policies/documents.ts';
import { documentPlans, type DocumentPlan, type ThreadPlan, type When } from './demoDocumentPlans.ts';
import type { DemoRandom } from './demoRandom.ts';
import { DemoWriter, findText, nodesOf } from './demoWriter.ts';
import type { DemoWorld } from './demoWorld.ts';

export interface SeededDocument {
  plan: DocumentPlan;
  id: string | null;
}

/** Who reads what once it is out: people opening issued notices (the workbench's recent documents). */
const READERS: Record<string, Array<When & { by: string }>> = {
  dutyNotice: [
    { day: -4, hm: '09:10', by: 'zhangwei' },
    { day: -4, hm: '09:30', by: 'guomin' },
    { day: -3, hm: '08:50', by: 'xuyan' },
    { day: -3, hm: '10:15', by: 'chenming' },
  ],
  upperNotice: [
    { day: -20, hm: '10:00', by: 'zhouqiang' },
    { day: -19, hm: '09:20', by: 'lihua' },
    { day: -19, hm: '09:40', by: 'zhangwei' },
  ],
  bulletin: [
    { day: -4, hm: '14:00', by: 'zhaojing' },
    { day: -4, hm: '16:30', by: 'wanglei' },
    { day: -3, hm: '10:30', by: 'chenming' },
    { day: -3, hm: '11:00', by: 'liufang' },
  ],
  renewalPlan: [{ day: -1, hm: '09:05', by: 'yangfan' }],
};

export function seedDocuments(world: DemoWorld, rng: DemoRandom): Map<string, SeededDocument> {
  const writer = new DemoWriter(world, rng.fork('writer'));
  const seeded = new Map<string, SeededDocument>();
  for (const plan of documentPlans(world, rng.fork('plans'))) {
    const doc: SeededDocument = { plan, id: null };
    seeded.set(plan.key, doc);
    seedDocument(world, writer, doc);
  }
  return seeded;
}

function seedDocument(world: DemoWorld, writer: DemoWriter, seeded: SeededDocument): void {
  const { plan } = seeded;
  const { timeline, svc } = world;
  const when = (w: When) => world.at(world.day(w.day), w.hm);
  const id = () => seeded.id!;

  const createdAt = when(plan.created);
  timeline.add(createdAt, `document ${plan.title}`, async () => {
    const { id: documentId } = await createDocument(svc, world.ctx(plan.owner, createdAt), world.person(plan.owner), {
      kind: 'draft',
      title: plan.title,
      classification: plan.classification,
    });
    seeded.id = documentId;
    await writer.initial(documentId, plan.owner, createdAt, plan.blocks);
    world.count('documents');
  });

  for (const share of plan.shares ?? []) {
    const at = when(share);
    timeline.add(at, `share ${plan.title}`, async () => {
      await world.requireDocument(plan.owner, id(), 'manage');
      const grants: ShareInput[] = share.list.map((g) => ({
        granteeType: g.type,
        granteeId: g.type === 'user' ? world.person(g.name).id : world.unit(g.name).id,
        access: g.access,
      }));
      await setDocumentShares(svc, world.ctx(plan.owner, at), id(), grants);
    });
  }

  for (const edit of plan.edits ?? []) {
    const at = when(edit);
    timeline.add(at, `edit ${plan.title}`, () =>
      writer.write({
        documentId: id(),
        username: edit.by,
        at,
        mode: 'edit',
        change: (s) => s.tr.insert(s.doc.content.size, nodesOf(edit.append)),
      }),
    );
  }

  for (const thread of plan.threads ?? []) seedThread(world, writer, seeded, thread);

  for (const suggestion of plan.suggestions ?? []) {
    const at = when(suggestion);
    timeline.add(at, `suggestion ${suggestion.by} ${plan.title}`, async () => {
      await writer.write({
        documentId: id(),
        username: suggestion.by,
        at,
        mode: 'suggest',
        change: (s) => {
          const range = findText(s.doc, suggestion.find);
          if (suggestion.replace) return s.tr.insertText(suggestion.insert ?? '', range.from, range.to);
          return suggestion.insert ? s.tr.insertText(suggestion.insert, range.to) : s.tr.delete(range.from, range.to);
        },
      });
      world.count('suggestions');
    });
  }

  for (const accepted of plan.acceptAll ?? []) {
    const at = when(accepted);
    timeline.add(at, `accept changes ${plan.title}`, async () => {
      await world.requireDocument(plan.owner, id(), 'manage');
      await decideOnSuggestions(svc, world.ctx(plan.owner, at), id(), { decision: 'accept', all: true });
    });
  }

  for (const step of plan.steps ?? []) {
    const at = when(step);
    timeline.add(at, `${step.action} ${plan.title}`, async () => {
      const { subject, doc } = await world.requireDocument(plan.owner, id(), 'view');
      authorizeWorkflow(subject, doc);
      await stepDocumentWorkflow(svc, world.ctx(plan.owner, at), id(), step.action, step.note);
    });
  }

  for (const read of READERS[plan.key] ?? []) {
    const at = when(read);
    timeline.add(at, `read ${plan.title}`, async () => {
      const { access } = await world.requireDocument(read.by, id(), 'view');
      await recordDocumentOpen(svc, world.ctx(read.by, at), id(), world.person(read.by).id, access);
    });
  }
}

/** A thread as the editor makes one: the thread first, then its anchor (a comment mark) on the quoted text. */
function seedThread(world: DemoWorld, writer: DemoWriter, seeded: SeededDocument, thread: ThreadPlan): void {
  const { svc, timeline } = world;
  const when = (w: When) => world.at(world.day(w.day), w.hm);
  const id = () => seeded.id!;
  let threadId = '';
  const at = when(thread);
  timeline.add(at, `comment ${thread.by} ${seeded.plan.title}`, async () => {
    await world.requireDocument(thread.by, id(), 'comment');
    const mentions = (thread.mentions ?? []).map((u) => world.person(u).id);
    ({ threadId } = await openThread(svc, world.ctx(thread.by, at), id(), {
      quote: thread.quote,
      body: thread.body,
      mentions,
    }));
    await writer.write({
      documentId: id(),
      username: thread.by,
      at,
      mode: 'comment',
      change: (s) => {
        const range = findText(s.doc, thread.quote);
        return s.tr.addMark(range.from, range.to, s.schema.marks.comment!.create({ threadId }));
      },
    });
    world.count('commentThreads');
  });
  for (const reply of thread.replies ?? []) {
    const replyAt = when(reply);
    timeline.add(replyAt, `reply ${reply.by} ${seeded.plan.title}`, async () => {
      await world.requireDocument(reply.by, id(), 'comment');
      await replyToThread(svc, world.ctx(reply.by, replyAt), id(), threadId, { body: reply.body, mentions: [] });
      world.count('comments');
    });
  }
  if (thread.resolved) {
    const { by } = thread.resolved;
    const resolvedAt = when(thread.resolved);
    timeline.add(resolvedAt, `resolve ${seeded.plan.title}`, async () => {
      await world.requireDocument(by, id(), 'comment');
      await setThreadResolved(svc, world.ctx(by, resolvedAt), id(), threadId, true);
    });
  }
}
