// The search bench's data: 公文 and supervision tasks of a district government written from templates and a
// vocabulary with a seeded generator (the same seed always yields the same corpus; nothing is downloaded), as the
// index entries the indexer would write for them, with the grants of the real read rules (policies/searchGrants.ts).
import type { Route } from '../../server/domain/officialDocs/vocabulary.ts';
import type { OfficialDocFacts } from '../../server/policies/officialDocs.ts';
import { officialDocGrants, taskGrants } from '../../server/policies/searchGrants.ts';
import type { IndexEntry } from '../../server/search/searchIndex.ts';
import { DemoRandom, fill } from '../../server/seed/demoRandom.ts';

const DEPARTMENTS = [
  '区政府办公室',
  '区发展和改革委员会',
  '区财政局',
  '区住房和城乡建设委员会',
  '区应急管理局',
  '区卫生健康委员会',
  '区市场监督管理局',
  '区教育局',
  '区民政局',
  '区人力资源和社会保障局',
  '区自然资源局',
  '区生态环境局',
  '区交通运输局',
  '区水务局',
  '区农业农村局',
  '区商务局',
  '区文化和旅游局',
  '区审计局',
  '区统计局',
  '区医疗保障局',
  '区退役军人事务局',
  '区城市管理局',
  '区司法局',
  '区信访局',
  '区科学技术局',
  '区数据资源管理局',
  '区投资促进局',
  '区机关事务管理局',
  '区档案馆',
  '区体育局',
  '区林业局',
  '区粮食和物资储备局',
  '区税务局',
  '区消防救援大队',
  '区融媒体中心',
  '区政务服务中心',
  '区督查室',
  '区国有资产管理中心',
  '区住房保障中心',
  '区疾病预防控制中心',
];
const TOWNS = [
  '城关街道',
  '东湖街道',
  '西城街道',
  '南山街道',
  '北苑街道',
  '滨江街道',
  '新华街道',
  '人民路街道',
  '解放路街道',
  '和平街道',
  '青石镇',
  '柳塘镇',
  '白沙镇',
  '龙泉镇',
  '桃源镇',
  '石门镇',
  '金桥镇',
  '凤凰镇',
  '清河镇',
  '长岭镇',
];
export const UNIT_NAMES = [...DEPARTMENTS, ...TOWNS];

const TOPICS = [
  '安全生产',
  '防汛抗旱',
  '森林防火',
  '优化营商环境',
  '乡村振兴',
  '生态环境保护',
  '城市更新',
  '老旧小区改造',
  '基层治理',
  '食品安全',
  '消防安全',
  '财政预算管理',
  '招商引资',
  '生活垃圾分类',
  '文明城市创建',
  '河长制',
  '数字政府建设',
  '养老服务体系建设',
  '义务教育均衡发展',
  '稳就业保民生',
  '燃气安全隐患排查',
  '道路交通安全',
  '高标准农田建设',
  '住房保障',
  '审计整改',
  '信访积案化解',
  '人才引进',
  '科技创新',
  '政务公开',
  '国有资产管理',
  '疫情防控',
  '冬春季火灾防控',
  '农村人居环境整治',
  '重大项目建设',
  '耕地保护',
  '大气污染防治',
  '校园安全',
  '医疗保障基金监管',
  '退役军人服务保障',
  '统计数据质量',
];
const TITLE_VERBS = ['做好', '开展', '加强', '进一步推进', '深入推进', '切实抓好', '全面加强', '扎实推进'];
const TITLE_TEMPLATES: Record<string, string[]> = {
  notice: [
    '关于{verb}{year}年度{topic}工作的通知',
    '关于印发《{topic}工作实施方案》的通知',
    '关于{verb}{topic}专项检查的通知',
  ],
  request: ['关于{topic}专项资金安排的请示', '关于申请{topic}项目立项的请示', '关于调整{topic}工作机制的请示'],
  report: ['关于{year}年上半年{topic}工作情况的报告', '关于{topic}专项整治进展情况的报告', '关于{topic}工作的自查报告'],
  letter: ['关于商请支持{topic}工作的函', '关于征求《{topic}管理办法（征求意见稿）》意见的函'],
  opinion: ['关于{verb}{topic}的实施意见', '关于{topic}高质量发展的若干意见'],
  reply: ['关于同意{topic}项目实施的批复', '关于{topic}有关事项的批复'],
  bulletin: ['关于{year}年第{n}季度{topic}工作情况的通报', '关于{topic}督查发现问题的通报'],
  minutes: ['{topic}工作专题会议纪要', '区政府第{n}次常务会议纪要'],
};
const KIND_WEIGHTS: Array<[string, number]> = [
  ['notice', 40],
  ['request', 12],
  ['report', 15],
  ['letter', 10],
  ['opinion', 6],
  ['reply', 7],
  ['bulletin', 6],
  ['minutes', 4],
];
const KIND_ZH: Record<string, string> = {
  notice: '通知',
  request: '请示',
  report: '报告',
  letter: '函',
  opinion: '意见',
  reply: '批复',
  bulletin: '通报',
  minutes: '纪要',
};
const UPPER = ['党中央、国务院', '省委、省政府', '市委、市政府', '区委、区政府', '上级有关部门'];
const PURPOSES = [
  '切实保障人民群众生命财产安全',
  '进一步提升群众获得感、幸福感、安全感',
  '推动全区经济社会高质量发展',
  '压实各方责任，形成工作合力',
  '补齐短板弱项，巩固提升工作成效',
];
const VERBS = ['落实', '健全', '完善', '压实', '强化', '细化', '推进', '统筹', '规范', '优化'];
const OBJECTS = [
  '属地管理责任',
  '部门监管责任',
  '企业主体责任',
  '工作台账',
  '应急预案',
  '值班值守制度',
  '考核评价机制',
  '信息报送制度',
  '资金使用管理',
  '隐患排查治理',
  '宣传引导工作',
  '督促检查机制',
];
const ADVERBS = ['进一步', '切实', '全面', '认真', '及时', '扎实'];
const GOALS = [
  '各项工作落到实处',
  '不发生重大安全事故',
  '按期完成年度目标任务',
  '问题整改到位',
  '群众反映的问题得到及时解决',
  '资金安全高效使用',
];
const HEADINGS = [
  '提高思想认识',
  '明确工作重点',
  '强化组织保障',
  '加强督促检查',
  '严格责任追究',
  '做好信息报送',
  '加强宣传引导',
  '落实经费保障',
];
const MATERIALS = ['工作总结', '自查报告', '进展情况', '问题清单', '整改台账', '统计报表', '实施方案'];
const PLACES = ['部分老旧小区', '个别建筑工地', '部分农贸市场', '部分学校周边', '沿河区域', '部分小微企业'];
const PROBLEMS = ['消防通道堵塞', '安全管理不到位', '环境卫生较差', '台账资料不全', '违规占道经营', '设施设备老化'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞红鹏辉健波宁';

const SENTENCES = [
  '{unit}要{adv}{verb}{obj}，{adv2}{verb2}{obj2}，确保{goal}。',
  '各街道、各部门要高度重视{topic}工作，成立由主要负责同志任组长的工作专班，明确责任分工，细化工作措施。',
  '截至{month}月底，全区共排查各类隐患{n}处，已整改{m}处，整改率{pct}%。',
  '请各单位于{month}月{day}日前将{material}报送至{unit}，联系人：{person}，联系电话：0571-8{phone}。',
  '对工作推进不力、造成严重后果的，将依规依纪依法严肃追责问责。',
  '{place}{problem}问题较为突出，{unit}已会同{unit2}开展专项整治，累计下发整改通知书{n}份。',
  '{topic}工作涉及面广、政策性强，各单位要加强沟通协调，形成上下联动、齐抓共管的工作格局。',
  '要充分利用报纸、电视、网络等媒体，广泛宣传{topic}的重要意义和政策措施，营造良好社会氛围。',
  '区财政安排{topic}专项资金{n}万元，重点用于{obj}和基础设施建设，资金实行专账核算、专款专用。',
  '区政府将把{topic}工作纳入年度目标责任制考核，考核结果作为评先评优的重要依据。',
];

export interface BenchUnit {
  id: string;
  name: string;
  /** 发文字号 代字. */
  prefix: string;
}

export interface BenchPeople {
  /** A leader, a clerk and staff of each unit, by unit. */
  leaderOf: string[];
  clerkOf: string[];
  staffOf: string[][];
  /** The district's leaders (in the first unit), who sign off 公文 and oversee every unit. */
  districtLeaders: string[];
  supervisor: string;
}

export function benchUnits(): BenchUnit[] {
  return UNIT_NAMES.map((name, i) => ({
    id: `bench-unit-${i}`,
    name,
    prefix: `${name.replace(/^区/, '').slice(0, 2)}发`,
  }));
}

export function benchPeople(units: readonly BenchUnit[]): BenchPeople {
  return {
    leaderOf: units.map((_, u) => `bench-u${u}-leader`),
    clerkOf: units.map((_, u) => `bench-u${u}-clerk`),
    staffOf: units.map((_, u) => Array.from({ length: 5 }, (__, s) => `bench-u${u}-staff${s}`)),
    districtLeaders: ['bench-mayor', 'bench-vice1', 'bench-vice2'],
    supervisor: 'bench-supervisor',
  };
}

function weighted<T>(rng: DemoRandom, table: ReadonlyArray<[T, number]>): T {
  let r = rng.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table.at(-1)![0];
}

/** 公开 35%, 内部 45%, 秘密 15%, 机密 5%. */
const classificationOf = (rng: DemoRandom) =>
  weighted(rng, [
    [0, 35],
    [1, 45],
    [2, 15],
    [3, 5],
  ]);

export class SearchCorpus {
  private readonly rng: DemoRandom;
  readonly units = benchUnits();
  readonly people = benchPeople(this.units);
  /** The corpus spans three years up to this instant. */
  private readonly end: number;

  constructor(seed: string, end: Date) {
    this.rng = new DemoRandom(seed);
    this.end = end.getTime();
  }

  private person(): string {
    return (
      this.rng.pick([...SURNAMES]) + this.rng.pick([...GIVEN]) + (this.rng.chance(0.5) ? this.rng.pick([...GIVEN]) : '')
    );
  }

  private sentence(topic: string, unit: string): string {
    const r = this.rng;
    const n = r.int(12, 980);
    return fill(r.pick(SENTENCES), {
      unit,
      unit2: r.pick(UNIT_NAMES),
      adv: r.pick(ADVERBS),
      adv2: r.pick(ADVERBS),
      verb: r.pick(VERBS),
      verb2: r.pick(VERBS),
      obj: r.pick(OBJECTS),
      obj2: r.pick(OBJECTS),
      goal: r.pick(GOALS),
      topic,
      month: r.int(1, 12),
      day: r.int(1, 28),
      n,
      m: r.int(1, n),
      pct: r.int(60, 100),
      material: r.pick(MATERIALS),
      person: this.person(),
      phone: String(r.int(1_000_000, 9_999_999)),
      place: r.pick(PLACES),
      problem: r.pick(PROBLEMS),
    });
  }

  /** 正文: an opening, three to five numbered sections of two to four sentences, a closing. About 600 characters. */
  private body(topic: string, kindZh: string, unit: string): string {
    const r = this.rng;
    const lines = [
      `为深入贯彻落实${r.pick(UPPER)}关于${topic}工作的决策部署，${r.pick(PURPOSES)}，现就有关事项${kindZh === '报告' ? '报告' : '通知'}如下：`,
    ];
    const sections = r.sample(HEADINGS, r.int(3, 5));
    const numerals = '一二三四五六七八';
    sections.forEach((heading, i) => {
      const sentences = Array.from({ length: r.int(2, 4) }, () => this.sentence(topic, unit));
      lines.push(`${numerals[i]}、${heading}`, sentences.join(''));
    });
    lines.push(kindZh === '请示' ? '妥否，请批示。' : kindZh === '函' ? '特此函告。' : '特此通知。');
    return lines.join('\n');
  }

  private dateIn(years: number): Date {
    return new Date(this.end - Math.floor(this.rng.next() * years * 365 * 86_400_000));
  }

  /** The i-th 公文 of the corpus, as the indexer writes it (title with its 文号 once numbered). */
  officialDoc(i: number): IndexEntry {
    const r = this.rng;
    const u = r.int(0, this.units.length - 1);
    const unit = this.units[u]!;
    const kind = weighted(r, KIND_WEIGHTS);
    const topic = r.pick(TOPICS);
    const written = this.dateIn(3);
    const year = new Date(written.getTime() + 8 * 3_600_000).getUTCFullYear();
    const title = fill(r.pick(TITLE_TEMPLATES[kind]!), {
      verb: r.pick(TITLE_VERBS),
      year,
      topic,
      n: r.int(1, 40),
    });
    const status = weighted(r, [
      ['draft', 10],
      ['in_route', 15],
      ['signed_off', 5],
      ['numbered', 5],
      ['sealed', 10],
      ['distributed', 30],
      ['finished', 25],
    ] as Array<[string, number]>);
    const numbered = !['draft', 'in_route', 'signed_off'].includes(status);
    const number = numbered ? `${unit.prefix}〔${year}〕${r.int(1, 400)}号` : '';
    const classification = classificationOf(r);
    const drafterId = r.pick(this.people.staffOf[u]!);
    const handlers = [this.people.leaderOf[u]!];
    if (status !== 'draft' && status !== 'in_route') handlers.push(r.pick(this.people.districtLeaders));
    const recipients =
      status === 'distributed' || status === 'finished'
        ? r.sample(this.units, r.int(1, 5)).map((x) => ({ unitId: x.id, receiverId: null }))
        : [];
    const facts: OfficialDocFacts = {
      id: `bench-od-${i}`,
      unitId: unit.id,
      officeUnitId: this.units[0]!.id,
      drafterId,
      classification,
      // The grants read the route's steps only for handlers not yet in formerHandlerIds: an empty route suffices.
      route: { steps: [] } as unknown as Route,
      formerHandlerIds: status === 'draft' ? [] : handlers,
      recipients,
    };
    const kindZh = KIND_ZH[kind]!;
    return {
      kind: 'officialDoc',
      objectId: facts.id,
      parentId: facts.id,
      title: number ? `${title} ${number}` : title,
      body: `${kindZh} ${unit.name}\n${this.body(topic, kindZh, unit.name)}`,
      unitId: unit.id,
      docType: kind,
      status,
      classification,
      date: written.toISOString(),
      grants: officialDocGrants(facts),
    };
  }

  /** The i-th supervision task: a short title, its requirement and one or two progress reports. */
  task(i: number): IndexEntry {
    const r = this.rng;
    const u = r.int(0, this.units.length - 1);
    const unit = this.units[u]!;
    const topic = r.pick(TOPICS);
    const classification = weighted(r, [
      [0, 40],
      [1, 45],
      [2, 15],
    ] as Array<[number, number]>);
    const coUnits = r.sample(this.units, r.int(0, 2)).filter((x) => x.id !== unit.id);
    const status = r.pick(['pending_sign', 'in_progress', 'extension_requested', 'pending_acceptance', 'completed']);
    const basisType = r.pick(['meeting_decision', 'leader_instruction', 'upper_document', 'other']);
    const grants = taskGrants({
      id: `bench-task-${i}`,
      status: status as 'in_progress',
      classification,
      leadUnitId: unit.id,
      coUnitIds: coUnits.map((x) => x.id),
      coordinationUnitIds: [],
      ownerId: r.pick(this.people.staffOf[u]!),
      coOwnerIds: [],
      supervisorId: this.people.supervisor,
      supervisorUnitId: this.units[36]!.id,
      createdById: this.people.supervisor,
      instructedById: basisType === 'leader_instruction' ? r.pick(this.people.districtLeaders) : null,
    });
    const reports = Array.from({ length: r.int(1, 2) }, () => this.sentence(topic, unit.name));
    return {
      kind: 'task',
      objectId: `bench-task-${i}`,
      parentId: `bench-task-${i}`,
      title: `DB-${2024 + (i % 3)}-${String(i).padStart(5, '0')} ${r.pick(TITLE_VERBS)}${topic}${r.pick(['专项工作', '任务落实', '问题整改', '项目建设'])}`,
      body: `${this.sentence(topic, unit.name)}\n${reports.join('\n')}`,
      unitId: unit.id,
      docType: basisType,
      status,
      classification,
      date: this.dateIn(2).toISOString(),
      grants,
    };
  }
}
