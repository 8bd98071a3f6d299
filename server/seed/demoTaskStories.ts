// How a demo supervision task is worked on, played through the supervision commands once it exists: the lead unit
// signs and hands it down, co-units sign for their part, people report progress, ask for coordination or more time,
// the supervisor decides, the lead unit submits, the supervisor accepts or returns it for rectification. A story
// that stops early leaves the task in that state at "now" — pending signature, in progress, extension requested,
// waiting for acceptance — and its deadline makes it overdue or due soon.
import type { Subject } from '../auth/subject.ts';
import { decideAcceptance } from '../commands/supervision/acceptanceDecider.ts';
import { recordCoordination } from '../commands/supervision/coordinationRecorder.ts';
import { requestCoordination } from '../commands/supervision/coordinationRequester.ts';
import { decideExtension } from '../commands/supervision/extensionDecider.ts';
import { requestExtension } from '../commands/supervision/extensionRequester.ts';
import { reportProgress } from '../commands/supervision/progressReporter.ts';
import { assignTask } from '../commands/supervision/taskAssigner.ts';
import { signTask } from '../commands/supervision/taskSigner.ts';
import { submitTask } from '../commands/supervision/taskSubmitter.ts';
import type { When } from './demoDocumentPlans.ts';
import type { DemoWorld } from './demoWorld.ts';

/** Who signs for a unit and hands its work down: its clerk, or its head where it has no clerk. */
export const UNIT_HANDLERS: Readonly<Record<string, string>> = {
  区政府办公室: 'zhaojing',
  区发展和改革委员会: 'lihua',
  区财政局: 'yangfan',
  区住房和城乡建设委员会: 'guomin',
  区应急管理局: 'linqiang',
  区卫生健康委员会: 'huangli',
  区市场监督管理局: 'fengjie',
};

export interface TaskStory {
  sign?: When;
  /** Each co-unit's handler signs for its part. */
  coSign?: When;
  assign?: When & { owner: string; coOwners?: string[] };
  /** By the owner unless `by` says otherwise (a co-unit's handler reporting its contribution). */
  progress?: Array<When & { percent: number; text: string; by?: string }>;
  coordination?: { asked: When & { difficulty: string; units: string[] }; recorded?: When & { outcome: string } };
  extension?: { asked: When & { reason: string; toDay: number }; decided?: When & { approve: boolean; note: string } };
  submit?: When & { summary: string };
  acceptance?: When & ({ accept: true; note: string } | { accept: false; requirement: string; dueDay: number });
  /** After a return: submitted again and accepted. */
  resubmit?: When & { summary: string };
  reaccept?: When & { note: string };
}

export interface StoryCast {
  lead: string;
  co: readonly string[];
  /** The owner named when the task was raised, if any. */
  owner: string | null;
  supervisor: string;
}

export function handlerOf(unitName: string): string {
  const handler = UNIT_HANDLERS[unitName];
  if (!handler) throw new Error(`no demo handler for ${unitName}`);
  return handler;
}

export function playTaskStory(
  world: DemoWorld,
  taskId: () => string,
  title: string,
  cast: StoryCast,
  story: TaskStory,
): void {
  const { svc, timeline } = world;
  const when = (w: When) => world.at(world.day(w.day), w.hm);
  let owner = cast.owner;
  const doer = () => owner ?? handlerOf(cast.lead);
  const step = (w: When, what: string, run: (at: Date) => Promise<unknown>, minutesLater = 0) => {
    const at = new Date(when(w).getTime() + minutesLater * 60_000);
    timeline.add(at, `${what} ${title}`, async () => {
      await run(at);
    });
  };
  const as = (username: string): Subject => world.person(username);

  if (story.sign)
    step(story.sign, 'sign', (at) =>
      signTask(svc, world.ctx(handlerOf(cast.lead), at), as(handlerOf(cast.lead)), taskId(), '已签收，抓紧落实'),
    );
  if (story.coSign) {
    for (const [i, unit] of cast.co.entries()) {
      step(
        story.coSign,
        'co-sign',
        (at) => signTask(svc, world.ctx(handlerOf(unit), at), as(handlerOf(unit)), taskId(), '配合办理'),
        i * 7,
      );
    }
  }
  if (story.assign) {
    const assignment = story.assign;
    step(assignment, 'assign', async (at) => {
      await assignTask(svc, world.ctx(handlerOf(cast.lead), at), as(handlerOf(cast.lead)), taskId(), {
        ownerId: as(assignment.owner).id,
        ...(assignment.coOwners ? { coOwnerIds: assignment.coOwners.map((u) => as(u).id) } : {}),
      });
      owner = assignment.owner;
    });
  }
  for (const report of story.progress ?? []) {
    step(report, 'progress', async (at) => {
      const by = report.by ?? doer();
      await reportProgress(svc, world.ctx(by, at), as(by), taskId(), { text: report.text, percent: report.percent });
      world.count('progressReports');
    });
  }
  if (story.coordination) {
    const { asked, recorded } = story.coordination;
    let coordinationId = '';
    step(asked, 'coordination', async (at) => {
      ({ id: coordinationId } = await requestCoordination(svc, world.ctx(doer(), at), as(doer()), taskId(), {
        difficulty: asked.difficulty,
        unitIds: asked.units.map((u) => world.unit(u).id),
      }));
    });
    if (recorded)
      step(recorded, 'coordinated', (at) =>
        recordCoordination(
          svc,
          world.ctx(cast.supervisor, at),
          as(cast.supervisor),
          taskId(),
          coordinationId,
          recorded.outcome,
        ),
      );
  }
  if (story.extension) {
    const { asked, decided } = story.extension;
    step(asked, 'extension', (at) =>
      requestExtension(svc, world.ctx(doer(), at), as(doer()), taskId(), {
        reason: asked.reason,
        toDueDate: world.day(asked.toDay),
      }),
    );
    if (decided)
      step(decided, 'extension decision', (at) =>
        decideExtension(svc, world.ctx(cast.supervisor, at), as(cast.supervisor), taskId(), {
          approve: decided.approve,
          note: decided.note,
        }),
      );
  }
  if (story.submit) {
    const { summary } = story.submit;
    step(story.submit, 'submit', (at) => submitTask(svc, world.ctx(doer(), at), as(doer()), taskId(), { summary }));
  }
  if (story.acceptance) {
    const decision = story.acceptance;
    step(decision, 'acceptance', async (at) => {
      await decideAcceptance(
        svc,
        world.ctx(cast.supervisor, at),
        as(cast.supervisor),
        taskId(),
        decision.accept
          ? { accept: true, note: decision.note }
          : { accept: false, requirement: decision.requirement, dueDate: world.day(decision.dueDay) },
      );
    });
  }
  if (story.resubmit) {
    const { summary } = story.resubmit;
    step(story.resubmit, 'resubmit', (at) => submitTask(svc, world.ctx(doer(), at), as(doer()), taskId(), { summary }));
  }
  if (story.reaccept) {
    const { note } = story.reaccept;
    step(story.reaccept, 'accept', (at) =>
      decideAcceptance(svc, world.ctx(cast.supervisor, at), as(cast.supervisor), taskId(), { accept: true, note }),
    );
  }
}
