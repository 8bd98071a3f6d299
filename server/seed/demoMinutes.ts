// Demo minutes and the tasks they become, along the path the product takes: the minute-taker opens the minutes (the
// header comes from the meeting), writes the body with decision items (lead unit, co-units, owners, due date),
// finalises; attendees confirm or object, objections are answered, the host closes (signed), the supervisors' office
// confirms the proposals into supervision tasks, and the tasks are then worked on (demoTaskStories.ts). Some minutes
// stop on the way: out for confirmation with an objection open, or still being drafted.
import { confirmProposals } from '../commands/proposals/proposalConfirmer.ts';
import { closeMinutes } from '../commands/minutes/minutesCloser.ts';
import { answerMinutes } from '../commands/minutes/minutesConfirmer.ts';
import { prepareMinutes } from '../commands/minutes/minutesCreator.ts';
import { finaliseMinutes } from '../commands/minutes/minutesFinalizer.ts';
import { resolveObjection } from '../commands/minutes/minutesObjectionResolver.ts';
import type { When } from './demoDocumentPlans.ts';
import type { SeededMeeting } from './demoMeetings.ts';
import { seasonOf } from './demoMeetingPlans.ts';
import type { DemoRandom } from './demoRandom.ts';
import { playTaskStory, type TaskStory } from './demoTaskStories.ts';
import { nodesOf, type Block, type DemoWriter } from './demoWriter.ts';
import type { DemoWorld } from './demoWorld.ts';

interface DecisionPlan {
  /** `{due}` is replaced by the due date as the minutes write it (12月20日). */
  text: string;
  lead: string;
  co?: string[];
  owner?: string;
  coOwners?: string[];
  dueDay: number;
  story: TaskStory;
}

interface MinutesPlan {
  meeting: string;
  intro: string[];
  decisions: DecisionPlan[];
  /** Plain numbered lines after the decision items: the extractor proposes them, the supervisors review them. */
  plain?: string[];
  prepared: When;
  written: When;
  finalised?: When;
  /** Answers given explicitly; with `othersConfirm`, everyone else asked confirms within the hour or two after. */
  answers?: Array<When & { by: string; object?: string }>;
  othersConfirm?: boolean;
  resolved?: Array<When & { objector: string; resolution: string }>;
  closed?: When;
  /** The supervisor confirming the decision proposals into tasks. */
  confirmed?: When & { by: string };
}

const FIN = '区财政局';
const NDRC = '区发展和改革委员会';
const HOUSING = '区住房和城乡建设委员会';
const EMERGENCY = '区应急管理局';
const MARKET = '区市场监督管理局';
const OFFICE = '区政府办公室';

function minutesPlans(world: DemoWorld): MinutesPlan[] {
  const winter = seasonOf(world.today) === 'winter';
  return [
    {
      meeting: 'standing',
      prepared: { day: -22, hm: '11:50' },
      written: { day: -21, hm: '10:00' },
      finalised: { day: -21, hm: '15:00' },
      othersConfirm: true,
      closed: { day: -20, hm: '17:00' },
      confirmed: { day: -19, hm: '10:00', by: 'zhouqiang' },
      intro: [
        '会议听取了区住建委关于城市更新三年行动方案起草情况的汇报、区应急局关于安全生产大检查情况的汇报，研究了季节性重点工作。现纪要如下：',
      ],
      decisions: [
        {
          text: '区住建委牵头、区财政局配合，按会议意见修改完善《城市更新三年行动方案》并印发实施，{due}前完成。',
          lead: HOUSING,
          co: [FIN],
          owner: 'matao',
          dueDay: -5,
          story: {
            sign: { day: -19, hm: '11:00' },
            coSign: { day: -19, hm: '14:00' },
            progress: [{ day: -12, hm: '16:00', percent: 60, text: '已按会议意见修改，正在征求街道意见。' }],
            submit: { day: -6, hm: '15:00', summary: '方案已修改完善并印发。' },
            acceptance: { day: -4, hm: '10:00', accept: true, note: '按期办结。' },
          },
        },
        {
          text: '区应急局牵头，完成安全生产大检查发现问题的整改，重大隐患实行挂牌督办，{due}前完成。',
          lead: EMERGENCY,
          owner: 'xuyan',
          dueDay: 8,
          story: {
            sign: { day: -19, hm: '11:20' },
            progress: [
              { day: -10, hm: '16:00', percent: 40, text: '一般隐患整改过半。' },
              { day: -3, hm: '16:00', percent: 65, text: '3处重大隐患已挂牌督办。' },
            ],
          },
        },
        {
          text: winter
            ? '区财政局负责拨付冬季供暖保障资金，确保困难群众取暖补贴按时发放，{due}前完成。'
            : '区财政局负责拨付防汛物资储备资金，保障物资采购，{due}前完成。',
          lead: FIN,
          owner: 'hejun',
          dueDay: -10,
          story: {
            sign: { day: -19, hm: '14:30' },
            submit: { day: -8, hm: '16:00', summary: '资金已全部拨付。' },
            acceptance: { day: -7, hm: '10:00', accept: true, note: '已办结，超期2个工作日。' },
          },
        },
        {
          text: '区政府办公室负责建立常务会议议定事项台账，{due}前完成首次落实情况通报。',
          lead: OFFICE,
          owner: 'sunyue',
          dueDay: 15,
          story: { sign: { day: -18, hm: '09:00' } },
        },
      ],
    },
    {
      meeting: 'renewal',
      prepared: { day: -18, hm: '16:40' },
      written: { day: -17, hm: '10:00' },
      finalised: { day: -17, hm: '15:00' },
      othersConfirm: true,
      answers: [{ day: -17, hm: '16:00', by: 'hejun', object: '第二项应写明资金来源渠道。' }],
      resolved: [
        {
          day: -16,
          hm: '09:30',
          objector: 'hejun',
          resolution: '资金来源会上明确按现有渠道统筹，纪要表述不再调整，具体在资金平衡方案中明确。',
        },
      ],
      closed: { day: -16, hm: '16:00' },
      confirmed: { day: -15, hm: '10:00', by: 'zhouqiang' },
      intro: ['会议听取了老旧小区改造项目进展、城市更新项目资金保障和重点片区更新规划的汇报。会议议定：'],
      decisions: [
        {
          text: '区住建委牵头，完成年度老旧小区改造项目清单报批，{due}前完成。',
          lead: HOUSING,
          owner: 'matao',
          dueDay: -3,
          story: {
            sign: { day: -15, hm: '11:00' },
            progress: [{ day: -9, hm: '16:00', percent: 60, text: '项目清单已征求街道意见。' }],
          },
        },
        {
          text: '区发改委负责，会同区财政局建立城市更新项目储备库，{due}前完成。',
          lead: NDRC,
          co: [FIN],
          owner: 'zhangwei',
          coOwners: ['hejun'],
          dueDay: 3,
          story: {
            sign: { day: -15, hm: '11:30' },
            coSign: { day: -14, hm: '09:30' },
            progress: [{ day: -7, hm: '16:00', percent: 50, text: '已收集入库项目32个。' }],
          },
        },
        {
          text: '区财政局牵头研究城市更新项目资金平衡方案，{due}前报区政府。',
          lead: FIN,
          owner: 'hejun',
          dueDay: 10,
          story: {
            sign: { day: -15, hm: '14:00' },
            progress: [{ day: -8, hm: '16:00', percent: 70, text: '方案初稿已完成。' }],
            submit: { day: -2, hm: '16:00', summary: '资金平衡方案已报区政府。' },
          },
        },
      ],
    },
    {
      meeting: 'safety',
      prepared: { day: -15, hm: '12:00' },
      written: { day: -14, hm: '09:30' },
      finalised: { day: -14, hm: '11:00' },
      othersConfirm: true,
      closed: { day: -14, hm: '15:00' },
      confirmed: { day: -13, hm: '10:00', by: 'zhouqiang' },
      intro: ['会议分析了当前安全生产形势，听取了建筑施工、特种设备和人员密集场所检查情况汇报。会议要求：'],
      decisions: [
        {
          text: '区应急局牵头，组织开展隐患排查整治“回头看”，{due}前完成。',
          lead: EMERGENCY,
          owner: 'xuyan',
          dueDay: 1,
          story: {
            sign: { day: -13, hm: '11:00' },
            progress: [{ day: -6, hm: '16:00', percent: 70, text: '已完成4个街道的回头看。' }],
          },
        },
        {
          text: '区市场监管局负责，完成电梯、锅炉等特种设备专项检查，{due}前完成。',
          lead: MARKET,
          owner: 'fengjie',
          dueDay: -2,
          story: {
            sign: { day: -13, hm: '11:30' },
            progress: [{ day: -8, hm: '16:00', percent: 50, text: '已检查电梯620台。' }],
            extension: {
              asked: { day: -3, hm: '10:00', reason: '锅炉检验需待供暖季开始后进行，申请延期。', toDay: 6 },
            },
          },
        },
        {
          text: '区住建委负责，完成在建工地深基坑、高支模专项整治，{due}前完成。',
          lead: HOUSING,
          owner: 'matao',
          dueDay: 12,
          story: {
            sign: { day: -12, hm: '09:00' },
            progress: [{ day: -5, hm: '16:00', percent: 30, text: '已检查在建工地21个。' }],
          },
        },
      ],
    },
    {
      meeting: 'seasonal',
      prepared: { day: -12, hm: '16:20' },
      written: { day: -11, hm: '10:00' },
      finalised: { day: -11, hm: '14:00' },
      othersConfirm: true,
      closed: { day: -10, hm: '10:00' },
      confirmed: { day: -10, hm: '15:00', by: 'wuli' },
      intro: [
        winter
          ? '会议听取了供热准备、困难群众取暖救助和应急值守情况汇报。会议议定：'
          : '会议听取了防汛物资、抢险队伍和低洼地区防汛措施准备情况汇报。会议议定：',
      ],
      decisions: winter
        ? [
            {
              text: '区住建委牵头，督促供热企业完成供热管网和设施检修，{due}前完成。',
              lead: HOUSING,
              owner: 'matao',
              dueDay: 4,
              story: {
                sign: { day: -10, hm: '16:00' },
                progress: [{ day: -5, hm: '16:00', percent: 60, text: '主干管网检修已完成。' }],
              },
            },
            {
              text: '区财政局负责发放困难群众取暖救助资金，{due}前完成。',
              lead: FIN,
              owner: 'hejun',
              dueDay: -1,
              story: {
                sign: { day: -9, hm: '09:00' },
                submit: { day: -4, hm: '15:00', summary: '救助资金已发放到户。' },
                acceptance: { day: -3, hm: '10:00', accept: true, note: '按期办结。' },
              },
            },
            {
              text: '区应急局负责制定供暖期应急值守和信息报送方案，{due}前完成。',
              lead: EMERGENCY,
              owner: 'xuyan',
              dueDay: 20,
              story: {
                sign: { day: -9, hm: '09:30' },
                progress: [{ day: -2, hm: '16:00', percent: 20, text: '值守方案初稿已完成。' }],
              },
            },
          ]
        : [
            {
              text: '区应急局牵头，完成防汛物资补充和抢险队伍演练，{due}前完成。',
              lead: EMERGENCY,
              owner: 'xuyan',
              dueDay: 4,
              story: {
                sign: { day: -10, hm: '16:00' },
                progress: [{ day: -5, hm: '16:00', percent: 60, text: '物资补充已完成。' }],
              },
            },
            {
              text: '区财政局负责拨付防汛物资储备资金，{due}前完成。',
              lead: FIN,
              owner: 'hejun',
              dueDay: -1,
              story: {
                sign: { day: -9, hm: '09:00' },
                submit: { day: -4, hm: '15:00', summary: '资金已拨付。' },
                acceptance: { day: -3, hm: '10:00', accept: true, note: '按期办结。' },
              },
            },
            {
              text: '区住建委负责，完成低洼地区和在建工地防汛隐患排查，{due}前完成。',
              lead: HOUSING,
              owner: 'matao',
              dueDay: 20,
              story: {
                sign: { day: -9, hm: '09:30' },
                progress: [{ day: -2, hm: '16:00', percent: 20, text: '已排查在建工地15个。' }],
              },
            },
          ],
      plain: ['四、各街道要落实属地责任，区应急局牵头于两周内组织一次综合应急演练。'],
    },
    {
      meeting: 'business',
      prepared: { day: -4, hm: '11:50' },
      written: { day: -3, hm: '10:00' },
      finalised: { day: -2, hm: '17:00' },
      answers: [
        { day: -2, hm: '17:30', by: 'lihua' },
        { day: -1, hm: '09:10', by: 'yangfan' },
        {
          day: -1,
          hm: '10:20',
          by: 'fengjie',
          object: '第二项“首违不罚”事项清单应由区市场监管局会同区司法局制定，请修改。',
        },
      ],
      intro: ['会议听取了营商环境评价指标对标、市场主体登记和监管改革、惠企政策兑现情况的汇报。会议议定：'],
      decisions: [
        {
          text: '区发改委牵头，完成营商环境评价指标任务分解，{due}前完成。',
          lead: NDRC,
          owner: 'zhangwei',
          dueDay: 10,
          story: {},
        },
        {
          text: '区市场监管局负责制定涉企轻微违法行为不予处罚事项清单，{due}前完成。',
          lead: MARKET,
          owner: 'fengjie',
          dueDay: 15,
          story: {},
        },
        {
          text: '区财政局负责完成第一批惠企政策资金兑现，{due}前完成。',
          lead: FIN,
          owner: 'hejun',
          dueDay: 12,
          story: {},
        },
      ],
    },
    {
      meeting: 'seasonal2',
      prepared: { day: -2, hm: '16:10' },
      written: { day: -1, hm: '10:30' },
      intro: [
        winter
          ? '会议部署了冬季森林防火、燃气安全和节日期间安全防范工作。（待补充）'
          : '会议部署了汛期防汛责任落实、隐患排查和应急值守工作。（待补充）',
      ],
      decisions: [
        {
          text: '区应急局牵头，完成重点区域隐患排查，{due}前完成。',
          lead: EMERGENCY,
          owner: 'xuyan',
          dueDay: 10,
          story: {},
        },
      ],
    },
  ];
}

const dueWords = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function seedMinutes(
  world: DemoWorld,
  writer: DemoWriter,
  meetings: ReadonlyMap<string, SeededMeeting>,
  rng: DemoRandom,
): void {
  for (const plan of minutesPlans(world)) {
    const meeting = meetings.get(plan.meeting);
    if (!meeting) throw new Error(`demo minutes for an unknown meeting ${plan.meeting}`);
    seedOne(world, writer, meeting, plan, rng);
  }
}

function seedOne(
  world: DemoWorld,
  writer: DemoWriter,
  meeting: SeededMeeting,
  plan: MinutesPlan,
  rng: DemoRandom,
): void {
  const { svc, timeline } = world;
  const when = (w: When) => world.at(world.day(w.day), w.hm);
  const meetingId = () => meeting.id!;
  const minuteTaker = meeting.plan.minuteTaker!;
  const host = meeting.plan.host;
  let documentId = '';
  const decisionIds = plan.decisions.map((_, i) => `dec-${plan.meeting}-${i + 1}-${rng.token(8)}`);

  const preparedAt = when(plan.prepared);
  timeline.add(preparedAt, `minutes ${meeting.plan.title}`, async () => {
    const subject = await world.requireOnMeeting(minuteTaker, meetingId(), 'minutes.prepare');
    ({ documentId } = await prepareMinutes(svc, world.ctx(minuteTaker, preparedAt), subject, meetingId()));
    world.count('minutes');
  });

  const writtenAt = when(plan.written);
  timeline.add(writtenAt, `write minutes ${meeting.plan.title}`, async () => {
    const blocks: Block[] = [
      ...plan.intro.map((p) => ({ p })),
      ...plan.decisions.map((d, i) => {
        const due = world.day(d.dueDay);
        const unit = (name: string) => ({ unitId: world.unit(name).id, name: world.unit(name).shortName ?? name });
        const person = (username: string) => ({
          userId: world.person(username).id,
          name: world.person(username).displayName,
        });
        return {
          decision: `${['一', '二', '三', '四', '五'][i]}、${d.text.replace('{due}', dueWords(due))}`,
          attrs: {
            id: decisionIds[i],
            confirmed: !!plan.finalised,
            leadUnits: [unit(d.lead)],
            coUnits: (d.co ?? []).map(unit),
            owners: d.owner ? [person(d.owner)] : [],
            coOwners: (d.coOwners ?? []).map(person),
            due,
            noDeadline: false,
          },
        };
      }),
      ...(plan.plain ?? []).map((p) => ({ p })),
    ];
    await writer.write({
      documentId,
      username: minuteTaker,
      at: writtenAt,
      mode: 'edit',
      change: (s) => {
        const last = s.doc.lastChild;
        const from =
          last && last.type.name === 'paragraph' && last.content.size === 0
            ? s.doc.content.size - last.nodeSize
            : s.doc.content.size;
        return s.tr.replaceWith(from, s.doc.content.size, nodesOf(blocks));
      },
    });
  });

  if (!plan.finalised) return;
  const finalisedAt = when(plan.finalised);
  const explicit = new Set((plan.answers ?? []).map((a) => a.by));
  const answer = (at: Date, username: string, objection?: string) => {
    timeline.add(at, `${objection ? 'object' : 'confirm'} ${username} ${meeting.plan.title}`, async () => {
      const subject = await world.requireOnMeeting(username, meetingId(), 'minutes.confirm');
      await answerMinutes(
        svc,
        world.ctx(username, at),
        subject,
        meetingId(),
        objection ? { decision: 'object', comment: objection } : { decision: 'confirm', comment: null },
      );
      world.count('confirmations');
    });
  };
  timeline.add(finalisedAt, `finalise minutes ${meeting.plan.title}`, async () => {
    await world.requireOnMeeting(minuteTaker, meetingId(), 'minutes.write');
    await finaliseMinutes(svc, world.ctx(minuteTaker, finalisedAt), meetingId());
    if (!plan.othersConfirm) return;
    // Everyone asked who has not answered otherwise confirms over the next hours.
    const asked = await svc.db.minutesConfirmation.findMany({
      where: { meetingId: meetingId() },
      orderBy: { requestedAt: 'asc' },
      select: { userId: true },
    });
    const others = asked.map((r) => world.usernameOf(r.userId)).filter((u) => !explicit.has(u));
    for (const [i, username] of others.entries())
      answer(new Date(finalisedAt.getTime() + (i + 1) * 11 * 60_000), username);
  });
  for (const a of plan.answers ?? []) answer(when(a), a.by, a.object);
  for (const r of plan.resolved ?? []) {
    const at = when(r);
    timeline.add(at, `answer objection ${meeting.plan.title}`, async () => {
      await world.requireOnMeeting(minuteTaker, meetingId(), 'minutes.resolve');
      await resolveObjection(svc, world.ctx(minuteTaker, at), meetingId(), world.person(r.objector).id, r.resolution);
    });
  }
  if (!plan.closed) return;
  const closedAt = when(plan.closed);
  timeline.add(closedAt, `close minutes ${meeting.plan.title}`, async () => {
    await world.requireOnMeeting(host, meetingId(), 'minutes.close');
    await closeMinutes(svc, world.ctx(host, closedAt), meetingId());
  });
  if (!plan.confirmed) return;
  const { by } = plan.confirmed;
  const confirmedAt = when(plan.confirmed);
  const taskIds = new Map<string, string>();
  timeline.add(confirmedAt, `tasks from ${meeting.plan.title}`, async () => {
    const proposals = await svc.db.taskProposal.findMany({
      where: { meetingId: meetingId(), origin: 'decision', status: 'pending' },
      orderBy: { position: 'asc' },
    });
    const { tasks } = await confirmProposals(
      svc,
      world.ctx(by, confirmedAt),
      world.person(by),
      proposals.map((p) => p.id),
    );
    for (const t of tasks) taskIds.set(proposals.find((p) => p.id === t.proposalId)!.decisionId!, t.id);
    world.count('tasks', tasks.length);
  });
  for (const [i, d] of plan.decisions.entries()) {
    playTaskStory(
      world,
      () => taskIds.get(decisionIds[i]!)!,
      `${meeting.plan.title} ${i + 1}`,
      { lead: d.lead, co: d.co ?? [], owner: d.owner ?? null, supervisor: by },
      d.story,
    );
  }
}
