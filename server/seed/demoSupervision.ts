// Demo supervision tasks raised directly (leader instructions, an upper-level document, a deputy's proposal), spread
// over the last five months and the bureaus so the statistics have a trend, and stopped at every point of their
// lifecycle: completed on time and late, returned and redone, extended, extension pending or refused, submitted,
// in progress (some overdue, some due in a day or two), waiting to be signed. Tasks from minutes are in demoMinutes.ts.
import { createTask } from '../commands/supervision/taskCreator.ts';
import type { BasisType, Priority } from '../domain/supervision/vocabulary.ts';
import type { When } from './demoDocumentPlans.ts';
import type { SeededDocument } from './demoDocuments.ts';
import { playTaskStory, type TaskStory } from './demoTaskStories.ts';
import type { DemoWorld } from './demoWorld.ts';

export interface TaskPlan {
  title: string;
  basis: BasisType;
  basisText: string;
  /** The leader whose instruction it is (leader_instruction). */
  instructedBy?: string;
  /** A demo document's key (upper_document). */
  sourceDocument?: string;
  lead: string;
  co?: string[];
  owner?: string;
  requirement: string;
  created: When;
  /** The due date: working days from today. */
  dueDay: number;
  priority?: Priority;
  /** Who raises it: the supervisor unless a leader raises their own instruction. */
  raisedBy?: string;
  supervisor: string;
  story: TaskStory;
}

const FIN = '区财政局';
const NDRC = '区发展和改革委员会';
const HOUSING = '区住房和城乡建设委员会';
const EMERGENCY = '区应急管理局';
const HEALTH = '区卫生健康委员会';
const MARKET = '区市场监督管理局';
const OFFICE = '区政府办公室';

export function taskPlans(): TaskPlan[] {
  const chen = {
    basis: 'leader_instruction' as const,
    instructedBy: 'chenming',
    basisText: '陈明区长批示：请督查室督促落实，按期办结。',
  };
  const liu = {
    basis: 'leader_instruction' as const,
    instructedBy: 'liufang',
    basisText: '刘芳副区长批示：请抓紧办理，及时报告进展。',
  };
  return [
    {
      ...chen,
      title: '按月通报区级预算执行进度',
      lead: FIN,
      owner: 'hejun',
      supervisor: 'zhouqiang',
      created: { day: -100, hm: '10:00' },
      dueDay: -80,
      requirement: '每月10日前通报各部门预算执行进度，对执行进度滞后的部门进行约谈。',
      story: {
        sign: { day: -99, hm: '09:30' },
        progress: [{ day: -92, hm: '16:00', percent: 50, text: '已建立月度通报制度，首期通报已印发。' }],
        submit: { day: -82, hm: '15:00', summary: '已连续两个月通报，约谈执行滞后部门3个。' },
        acceptance: { day: -81, hm: '10:30', accept: true, note: '按期办结。' },
      },
    },
    {
      ...chen,
      title: '加快老旧小区改造项目开工手续办理',
      lead: HOUSING,
      supervisor: 'zhouqiang',
      created: { day: -95, hm: '11:00' },
      dueDay: -75,
      priority: 'urgent',
      requirement: '梳理改造项目开工手续办理堵点，实行并联审批，确保项目按期开工。',
      story: {
        sign: { day: -94, hm: '09:00' },
        assign: { day: -94, hm: '09:20', owner: 'matao' },
        progress: [
          { day: -85, hm: '17:00', percent: 40, text: '已完成12个项目的施工许可。' },
          { day: -76, hm: '16:30', percent: 80, text: '剩余项目正在办理消防设计审查。' },
        ],
        submit: { day: -72, hm: '10:00', summary: '全部项目已取得开工手续。' },
        acceptance: { day: -71, hm: '15:00', accept: true, note: '已办结，但超期，请总结原因。' },
      },
    },
    {
      ...liu,
      title: '开展危险化学品企业专项检查',
      lead: EMERGENCY,
      co: [MARKET],
      owner: 'xuyan',
      supervisor: 'wuli',
      created: { day: -88, hm: '14:00' },
      dueDay: -70,
      requirement: '对全区危险化学品生产、经营、储存企业开展全覆盖检查，建立隐患清单并督促整改。',
      story: {
        sign: { day: -87, hm: '09:10' },
        coSign: { day: -87, hm: '10:00' },
        progress: [
          { day: -80, hm: '16:00', percent: 60, text: '已检查企业46家，发现隐患93处。' },
          { day: -78, hm: '11:00', percent: 60, by: 'fengjie', text: '区市场监管局已完成涉危化品特种设备检验。' },
        ],
        submit: { day: -71, hm: '17:00', summary: '隐患已全部整改销号。' },
        acceptance: { day: -69, hm: '10:00', accept: true, note: '检查全覆盖，整改到位。' },
      },
    },
    {
      ...chen,
      title: '基层医疗机构药品质量抽查',
      lead: HEALTH,
      owner: 'zhengkai',
      supervisor: 'wuli',
      created: { day: -80, hm: '09:30' },
      dueDay: -60,
      requirement: '对社区卫生服务中心和村卫生室药品质量开展抽查，抽查比例不低于30%。',
      story: {
        sign: { day: -79, hm: '10:00' },
        progress: [{ day: -70, hm: '15:00', percent: 50, text: '已抽查机构21家。' }],
        submit: { day: -62, hm: '16:00', summary: '抽查机构45家，问题药品已下架处理。' },
        acceptance: { day: -61, hm: '09:30', accept: true, note: '按期办结。' },
      },
    },
    {
      ...chen,
      title: '建立重点项目投资月报制度',
      lead: NDRC,
      owner: 'zhangwei',
      supervisor: 'zhouqiang',
      created: { day: -72, hm: '15:00' },
      dueDay: -50,
      requirement: '建立重点项目投资完成情况月报制度，明确统计口径和报送流程。',
      story: {
        sign: { day: -71, hm: '09:00' },
        progress: [{ day: -60, hm: '16:00', percent: 60, text: '月报模板已征求各单位意见。' }],
        submit: { day: -52, hm: '10:00', summary: '月报制度已印发实施。' },
        acceptance: {
          day: -51,
          hm: '15:00',
          accept: false,
          requirement: '请补充分行业统计口径说明，并与统计部门数据衔接。',
          dueDay: -45,
        },
        resubmit: { day: -46, hm: '11:00', summary: '已补充统计口径说明，与区统计局建立数据比对机制。' },
        reaccept: { day: -44, hm: '10:00', note: '整改到位，同意办结。' },
      },
    },
    {
      ...liu,
      title: '校园周边食品安全专项检查',
      lead: MARKET,
      owner: 'fengjie',
      supervisor: 'wuli',
      created: { day: -65, hm: '10:00' },
      dueDay: -48,
      requirement: '对全区中小学校周边200米范围内的食品经营者开展专项检查。',
      story: {
        sign: { day: -64, hm: '09:00' },
        progress: [{ day: -55, hm: '16:00', percent: 70, text: '已检查经营户186户。' }],
        submit: { day: -44, hm: '15:00', summary: '检查全部完成，立案查处4起。' },
        acceptance: { day: -43, hm: '10:00', accept: true, note: '办结，逾期情况已说明。' },
      },
    },
    {
      basis: 'other',
      basisText: '区人大代表关于加快老旧小区加装电梯的建议（第12号）',
      title: '办理人大代表关于加装电梯的建议',
      lead: HOUSING,
      owner: 'matao',
      supervisor: 'zhouqiang',
      created: { day: -50, hm: '09:00' },
      dueDay: -30,
      requirement: '认真研究代表建议，与代表当面沟通，按期书面答复。',
      story: {
        sign: { day: -49, hm: '10:00' },
        submit: { day: -32, hm: '16:00', summary: '已书面答复代表，代表表示满意。' },
        acceptance: { day: -31, hm: '09:30', accept: true, note: '按期办结。' },
      },
    },
    {
      ...chen,
      title: '政务服务事项清单动态调整',
      lead: OFFICE,
      owner: 'sunyue',
      supervisor: 'zhouqiang',
      created: { day: -55, hm: '14:00' },
      dueDay: -40,
      requirement: '对照市级清单调整区级政务服务事项，做好系统配置和窗口衔接。',
      story: {
        sign: { day: -54, hm: '09:00' },
        submit: { day: -41, hm: '17:00', summary: '清单已调整并在网上公布。' },
        acceptance: { day: -40, hm: '10:00', accept: true, note: '按期办结。' },
      },
    },
    {
      ...liu,
      title: '养老机构传染病防控检查',
      lead: HEALTH,
      owner: 'zhengkai',
      supervisor: 'wuli',
      created: { day: -30, hm: '09:00' },
      dueDay: -12,
      requirement: '对全区养老机构传染病防控措施落实情况开展检查。',
      story: {
        sign: { day: -29, hm: '09:30' },
        submit: { day: -13, hm: '16:00', summary: '检查养老机构18家，问题已整改。' },
        acceptance: { day: -12, hm: '10:00', accept: true, note: '按期办结。' },
      },
    },
    {
      ...chen,
      title: '背街小巷环境整治',
      lead: HOUSING,
      supervisor: 'zhouqiang',
      created: { day: -45, hm: '10:00' },
      dueDay: -6,
      requirement: '完成年度计划内背街小巷的路面、管线和立面整治。',
      story: {
        sign: { day: -44, hm: '09:00' },
        assign: { day: -44, hm: '09:15', owner: 'matao' },
        progress: [
          { day: -35, hm: '16:00', percent: 30, text: '已完成8条背街小巷施工招标。' },
          { day: -20, hm: '16:30', percent: 60, text: '已完工15条，其余受管线迁改影响进度滞后。' },
        ],
      },
    },
    {
      ...chen,
      title: '推行重大项目前期手续并联审批',
      lead: NDRC,
      owner: 'zhangwei',
      supervisor: 'zhouqiang',
      created: { day: -40, hm: '15:00' },
      dueDay: -10,
      requirement: '制定重大项目前期手续并联审批工作规程，审批时限压缩一半以上。',
      story: {
        sign: { day: -39, hm: '09:00' },
        progress: [
          { day: -25, hm: '16:00', percent: 40, text: '工作规程已征求各部门意见。' },
          { day: -5, hm: '16:00', percent: 70, text: '规程已报区政府审定。' },
        ],
        extension: {
          asked: { day: -12, hm: '10:00', reason: '需等待市级规程出台后衔接，申请延期。', toDay: 2 },
          decided: { day: -11, hm: '15:00', approve: true, note: '同意延期，请按新期限办结。' },
        },
      },
    },
    {
      ...liu,
      title: '清理拖欠中小企业账款',
      lead: FIN,
      owner: 'hejun',
      supervisor: 'wuli',
      created: { day: -30, hm: '10:30' },
      dueDay: 1,
      priority: 'urgent',
      requirement: '全面排查政府部门和国有企业拖欠中小企业账款，建立台账，限期清偿。',
      story: {
        sign: { day: -29, hm: '09:00' },
        progress: [{ day: -15, hm: '16:00', percent: 50, text: '已排查拖欠账款27笔，清偿15笔。' }],
        extension: {
          asked: { day: -2, hm: '11:00', reason: '部分账款涉及审计结算，需待审计结果确定后清偿。', toDay: 15 },
        },
      },
    },
    {
      ...chen,
      title: '安全生产隐患整改清单销号',
      lead: EMERGENCY,
      owner: 'xuyan',
      supervisor: 'zhouqiang',
      created: { day: -28, hm: '09:00' },
      dueDay: 5,
      requirement: '对大检查发现的隐患逐项整改销号，重大隐患挂牌督办。',
      story: {
        sign: { day: -27, hm: '09:00' },
        progress: [{ day: -14, hm: '16:00', percent: 60, text: '已销号隐患212处，剩余37处正在整改。' }],
        submit: { day: -1, hm: '16:30', summary: '隐患已全部销号，附整改清单。' },
      },
    },
    {
      ...liu,
      title: '发热门诊规范化建设',
      lead: HEALTH,
      owner: 'zhengkai',
      supervisor: 'wuli',
      created: { day: -35, hm: '11:00' },
      dueDay: -8,
      requirement: '二级以上医院发热门诊按标准完成改造，配齐设备和人员。',
      story: {
        sign: { day: -34, hm: '09:00' },
        progress: [
          { day: -20, hm: '16:00', percent: 70, text: '4家医院已完成改造。' },
          { day: -3, hm: '16:00', percent: 85, text: '设备已采购到位，正在组织人员培训。' },
        ],
        submit: { day: -9, hm: '15:00', summary: '发热门诊改造已完成。' },
        acceptance: {
          day: -7,
          hm: '10:00',
          accept: false,
          requirement: '请补充设备配置清单和人员培训记录，区中医院尚未通过验收。',
          dueDay: 3,
        },
      },
    },
    {
      ...chen,
      title: '电动自行车集中充电场所消防检查',
      lead: MARKET,
      supervisor: 'zhouqiang',
      created: { day: -9, hm: '15:00' },
      dueDay: -1,
      priority: 'urgent',
      requirement: '对住宅小区电动自行车集中充电场所开展消防安全检查。',
      story: {},
    },
    {
      ...liu,
      title: '做好疫苗接种宣传动员',
      lead: HEALTH,
      supervisor: 'wuli',
      created: { day: -1, hm: '16:00' },
      dueDay: 10,
      requirement: '通过社区、学校和养老机构开展疫苗接种宣传，提高重点人群接种率。',
      story: {},
    },
    {
      ...chen,
      title: '城中村燃气管道改造',
      lead: HOUSING,
      co: [EMERGENCY],
      owner: 'matao',
      supervisor: 'zhouqiang',
      created: { day: -20, hm: '10:00' },
      dueDay: 2,
      priority: 'critical',
      requirement: '完成城中村老旧燃气管道改造，消除燃气安全隐患。',
      story: {
        sign: { day: -19, hm: '09:00' },
        coSign: { day: -19, hm: '10:30' },
        progress: [
          { day: -15, hm: '16:00', percent: 40, text: '已完成3个村的管道改造。' },
          { day: -4, hm: '16:00', percent: 75, text: '协调会后管线迁改已开工。' },
        ],
        coordination: {
          asked: { day: -10, hm: '10:00', difficulty: '部分管线迁改涉及资金追加，需区财政局支持。', units: [FIN] },
          recorded: { day: -8, hm: '15:00', outcome: '经协调，区财政局同意从城市更新资金中调剂解决。' },
        },
      },
    },
    {
      basis: 'leader_instruction',
      instructedBy: 'chenming',
      basisText: '陈明区长批示：12345热线工单办结率要进入全市前列。',
      title: '提升12345热线工单办结率',
      lead: OFFICE,
      owner: 'sunyue',
      supervisor: 'zhouqiang',
      created: { day: -25, hm: '09:00' },
      dueDay: -2,
      requirement: '分析热线工单办理情况，对超期工单逐件督办，月度办结率达到95%以上。',
      story: {
        sign: { day: -24, hm: '09:00' },
        progress: [{ day: -12, hm: '16:00', percent: 80, text: '本月办结率已提升至93%。' }],
        extension: {
          asked: { day: -4, hm: '10:00', reason: '需待本月数据统计完成后评估。', toDay: 10 },
          decided: { day: -3, hm: '11:00', approve: false, note: '期限不变，请加快办理。' },
        },
      },
    },
    {
      basis: 'upper_document',
      sourceDocument: 'upperNotice',
      basisText: '市政府关于促进民营经济高质量发展的若干措施',
      title: '制定促进民营经济发展任务分工',
      lead: NDRC,
      co: [FIN],
      owner: 'zhangwei',
      supervisor: 'zhouqiang',
      created: { day: -18, hm: '10:00' },
      dueDay: 12,
      requirement: '对照市政府若干措施，制定我区任务分工，明确责任单位和完成时限。',
      story: {
        sign: { day: -17, hm: '09:00' },
        coSign: { day: -16, hm: '10:00' },
        progress: [{ day: -6, hm: '16:00', percent: 30, text: '任务分工初稿已形成，正在征求意见。' }],
      },
    },
    {
      basis: 'leader_instruction',
      basisText: '刘芳副区长批示：森林防火和燃气安全检查要全覆盖。',
      title: '开展节前安全生产检查',
      raisedBy: 'liufang',
      lead: EMERGENCY,
      supervisor: 'zhouqiang',
      created: { day: -7, hm: '17:00' },
      dueDay: 8,
      requirement: '节前对重点行业领域和人员密集场所开展安全生产检查。',
      story: { sign: { day: -6, hm: '09:00' }, assign: { day: -6, hm: '09:30', owner: 'xuyan' } },
    },
  ];
}

/** Raises each task at its time (the supervisor, or a leader for their own instruction) and plays its story. */
export function seedTasks(world: DemoWorld, documents: ReadonlyMap<string, SeededDocument>): void {
  for (const plan of taskPlans()) {
    let taskId = '';
    const raisedBy = plan.raisedBy ?? plan.supervisor;
    const at = world.at(world.day(plan.created.day), plan.created.hm);
    world.timeline.add(at, `task ${plan.title}`, async () => {
      const source = plan.sourceDocument ? documents.get(plan.sourceDocument)?.id : null;
      ({ id: taskId } = await createTask(world.svc, world.ctx(raisedBy, at), world.person(raisedBy), {
        title: plan.title,
        basisType: plan.basis,
        basisText: plan.basisText,
        sourceDocumentId: source ?? null,
        instructedById: plan.instructedBy ? world.person(plan.instructedBy).id : null,
        leadUnitId: world.unit(plan.lead).id,
        coUnitIds: (plan.co ?? []).map((u) => world.unit(u).id),
        ownerId: plan.owner ? world.person(plan.owner).id : null,
        requirement: plan.requirement,
        dueDate: world.day(plan.dueDay),
        priority: plan.priority ?? 'normal',
        classification: 1,
        supervisorId: world.person(plan.supervisor).id,
      }));
      world.count('tasks');
    });
    playTaskStory(
      world,
      () => taskId,
      plan.title,
      { lead: plan.lead, co: plan.co ?? [], owner: plan.owner ?? null, supervisor: plan.supervisor },
      plan.story,
    );
  }
}
