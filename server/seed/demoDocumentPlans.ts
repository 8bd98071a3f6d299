// What the demo's documents are and what happens to them: official drafts of the district's bureaus (plans, notices,
// reports, an emergency plan), their text, who they are shared with, the comment threads, the tracked changes of
// reviewers and the workflow steps. Days are working days relative to the seeding day.
import type { WorkflowAction } from '../domain/documents/documentWorkflow.ts';
import type { ShareAccess } from '../policies/documents.ts';
import { planYear, seasonOf } from './demoMeetingPlans.ts';
import type { DemoRandom } from './demoRandom.ts';
import type { Block } from './demoWriter.ts';
import type { DemoWorld } from './demoWorld.ts';

export interface When {
  day: number;
  hm: string;
}

export interface ThreadPlan extends When {
  by: string;
  quote: string;
  body: string;
  mentions?: string[];
  replies?: Array<When & { by: string; body: string }>;
  resolved?: When & { by: string };
}

export interface SuggestionPlan extends When {
  by: string;
  find: string;
  /** Inserted after the phrase; with `replace`, the phrase itself is replaced; with neither, it is deleted. */
  insert?: string;
  replace?: boolean;
}

export interface ShareGrant {
  type: 'user' | 'unit';
  /** A username or a unit's name. */
  name: string;
  access: ShareAccess;
}

export interface DocumentPlan {
  key: string;
  title: string;
  owner: string;
  classification: number;
  created: When;
  blocks: Block[];
  /** Each step replaces the explicit shares (as the owner's share dialog does). */
  shares?: Array<When & { list: ShareGrant[] }>;
  edits?: Array<When & { by: string; append: Block[] }>;
  threads?: ThreadPlan[];
  suggestions?: SuggestionPlan[];
  steps?: Array<When & { action: WorkflowAction; note: string }>;
  /** The owner accepts every open tracked change. */
  acceptAll?: When[];
}

const ALL_UNITS = [
  '区人民政府',
  '区政府办公室',
  '区发展和改革委员会',
  '区财政局',
  '区住房和城乡建设委员会',
  '区应急管理局',
  '区卫生健康委员会',
  '区市场监督管理局',
  '区政府督查室',
];

export function documentPlans(world: DemoWorld, rng: DemoRandom): DocumentPlan[] {
  const year = planYear(world.today);
  const winter = seasonOf(world.today) === 'winter';
  const month = Number(world.today.slice(5, 7));
  const holiday = winter ? '元旦春节' : month <= 5 ? '五一' : '国庆中秋';
  const n = (min: number, max: number) => rng.int(min, max);
  const plans: DocumentPlan[] = [
    {
      key: 'renewalPlan',
      title: `城市更新三年行动方案（${year}—${year + 2}年）`,
      owner: 'matao',
      classification: 1,
      created: { day: -32, hm: '09:30' },
      blocks: [
        { h: `城市更新三年行动方案（${year}—${year + 2}年）`, level: 1 },
        { p: '为深入实施城市更新行动，推动城市结构优化、功能完善和品质提升，结合本区实际，制定本方案。' },
        { h: '一、总体目标' },
        {
          p: `到${year + 2}年底，完成老旧小区综合整治${n(38, 56)}个，整治背街小巷${n(60, 90)}条，新增口袋公园${n(8, 15)}处，城市基础设施短板基本补齐。`,
        },
        { h: '二、重点任务' },
        { p: '（一）老旧小区综合整治。以水电气暖等基础设施改造为重点，同步推进加装电梯、无障碍设施和适老化改造。' },
        { p: '（二）完整社区建设。按照“一刻钟便民生活圈”标准，补齐养老、托育、便民商业等社区服务设施。' },
        { p: '（三）城市功能提升。结合重点片区更新，推进停车设施、雨污分流管网和公共空间建设。' },
        { h: '三、保障措施' },
        { p: '建立区级统筹、部门协同、街道落实的工作机制，资金纳入中期财政规划，项目实行清单化管理。' },
      ],
      shares: [
        {
          day: -32,
          hm: '10:05',
          list: [
            { type: 'user', name: 'guomin', access: 'edit' },
            { type: 'user', name: 'lihua', access: 'suggest' },
            { type: 'unit', name: '区财政局', access: 'comment' },
          ],
        },
      ],
      threads: [
        {
          day: -31,
          hm: '15:00',
          by: 'guomin',
          quote: '同步推进加装电梯',
          body: '建议明确加装电梯的年度目标，并写清楚居民出资比例的指导意见。',
          replies: [{ day: -31, hm: '16:10', by: 'matao', body: '已补充年度目标，出资比例按市里的指导意见执行。' }],
          resolved: { day: -30, hm: '09:20', by: 'matao' },
        },
        {
          day: -18,
          hm: '10:40',
          by: 'hejun',
          quote: '资金纳入中期财政规划',
          body: '请补充分年度资金需求测算表，便于纳入预算编制。',
          mentions: ['yangfan'],
        },
      ],
      edits: [
        {
          day: -30,
          hm: '10:00',
          by: 'matao',
          append: [{ p: `其中，${year}年完成加装电梯${n(30, 60)}部，居民出资部分按照“一梯一策”协商确定。` }],
        },
        {
          day: -19,
          hm: '14:20',
          by: 'matao',
          append: [
            { h: '四、实施安排' },
            { p: '按照区政府常务会议意见，方案分年度明确项目清单，由区住建委牵头每季度调度一次进展。' },
          ],
        },
      ],
      steps: [
        { day: -29, hm: '17:00', action: 'submit', note: '请各位领导审阅' },
        { day: -27, hm: '10:00', action: 'finalise', note: '定稿，提交区政府常务会议审议' },
        { day: -20, hm: '09:00', action: 'reopen', note: '按区政府常务会议意见修改完善' },
        { day: -4, hm: '16:00', action: 'submit', note: '修改稿，请再次审阅' },
      ],
      suggestions: [
        {
          day: -28,
          hm: '10:30',
          by: 'lihua',
          find: '补齐养老、托育、便民商业等社区服务设施',
          insert: '，优先纳入重点片区统筹建设',
        },
        { day: -28, hm: '15:00', by: 'guomin', find: '新增口袋公园', insert: '和街角绿地' },
        { day: -2, hm: '10:00', by: 'guomin', find: '每季度调度一次进展', insert: '，重大问题提请区政府专题会研究' },
        {
          day: -2,
          hm: '10:20',
          by: 'lihua',
          find: '雨污分流管网和公共空间建设',
          replace: true,
          insert: '雨污分流管网、公共空间和韧性设施建设',
        },
      ],
      acceptAll: [{ day: -27, hm: '09:30' }],
    },
    {
      key: 'safetyPlan',
      title: `${year}年安全生产大检查工作方案`,
      owner: 'xuyan',
      classification: 1,
      created: { day: -40, hm: '14:00' },
      blocks: [
        { h: `${year}年安全生产大检查工作方案`, level: 1 },
        { p: '为全面排查整治各类安全隐患，有效防范遏制生产安全事故，决定在全区开展安全生产大检查。' },
        { h: '一、检查范围' },
        { p: '危险化学品、建筑施工、道路交通、消防、燃气、特种设备、人员密集场所等重点行业领域。' },
        { h: '二、方法步骤' },
        { p: '分为企业自查、部门检查、督导抽查三个阶段，对发现的问题建立隐患清单，实行闭环管理。' },
        { h: '三、工作要求' },
        { p: '各单位主要负责同志要亲自部署，对重大隐患挂牌督办，检查情况每周五前报区应急局。' },
      ],
      shares: [
        {
          day: -40,
          hm: '14:30',
          list: [
            { type: 'user', name: 'linqiang', access: 'suggest' },
            { type: 'unit', name: '区住房和城乡建设委员会', access: 'comment' },
          ],
        },
      ],
      threads: [
        {
          day: -39,
          hm: '09:50',
          by: 'guomin',
          quote: '建筑施工',
          body: '建议把在建工地的深基坑和高支模列为检查重点。',
          replies: [{ day: -39, hm: '11:00', by: 'xuyan', body: '好的，已在检查清单中单列。' }],
          resolved: { day: -38, hm: '09:00', by: 'xuyan' },
        },
      ],
      steps: [
        { day: -38, hm: '10:00', action: 'submit', note: '请局领导审定' },
        { day: -36, hm: '16:30', action: 'finalise', note: '定稿印发' },
      ],
      suggestions: [
        {
          day: -37,
          hm: '11:15',
          by: 'linqiang',
          find: '实行闭环管理',
          insert: '，做到整改责任、措施、资金、时限和预案“五落实”',
        },
      ],
      acceptAll: [{ day: -36, hm: '16:00' }],
    },
    {
      key: 'businessMeasures',
      title: '关于进一步优化营商环境的若干措施（征求意见稿）',
      owner: 'zhangwei',
      classification: 1,
      created: { day: -12, hm: '10:00' },
      blocks: [
        { h: '关于进一步优化营商环境的若干措施（征求意见稿）', level: 1 },
        { p: '为持续打造市场化、法治化、国际化一流营商环境，激发各类经营主体活力，制定以下措施。' },
        { p: `一、深化“一网通办”。企业开办全程网办，${n(1, 2)}个工作日内办结；涉企经营许可事项实行告知承诺。` },
        { p: '二、强化要素保障。建立重点项目用地、用能、融资需求清单，实行专班服务。' },
        { p: '三、规范涉企执法。推行包容审慎监管，对轻微违法行为依法不予处罚，减少对企业正常经营的干扰。' },
        { p: '四、兑现惠企政策。惠企政策实行“免申即享”，资金拨付时限压缩至15个工作日。' },
      ],
      shares: [
        {
          day: -12,
          hm: '10:30',
          list: [
            { type: 'unit', name: '区财政局', access: 'comment' },
            { type: 'unit', name: '区市场监督管理局', access: 'comment' },
            { type: 'user', name: 'lihua', access: 'edit' },
          ],
        },
      ],
      threads: [
        {
          day: -11,
          hm: '09:40',
          by: 'hejun',
          quote: '资金拨付时限压缩至15个工作日',
          body: '15个工作日需要与国库集中支付流程衔接，建议表述为“原则上不超过15个工作日”。',
          replies: [{ day: -11, hm: '14:00', by: 'zhangwei', body: '同意，下一稿修改。' }],
        },
        {
          day: -10,
          hm: '16:20',
          by: 'fengjie',
          quote: '对轻微违法行为依法不予处罚',
          body: '建议附上首违不罚事项清单，我局可提供。',
          mentions: ['zhangwei'],
          resolved: { day: -9, hm: '10:00', by: 'zhangwei' },
        },
        {
          day: -8,
          hm: '11:30',
          by: 'lihua',
          quote: '实行专班服务',
          body: '专班由谁牵头要写清楚，建议由区发改委牵头、相关部门参加。',
        },
      ],
      edits: [
        {
          day: -9,
          hm: '15:30',
          by: 'zhangwei',
          append: [{ p: '五、畅通诉求渠道。设立企业服务热线，企业诉求24小时内响应、5个工作日内答复。' }],
        },
      ],
    },
    {
      key: 'seasonalPlan',
      title: winter ? '冬季供暖保障和燃气安全应急预案' : '防汛应急预案',
      owner: 'xuyan',
      classification: 1,
      created: { day: -13, hm: '09:00' },
      blocks: winter
        ? [
            { h: '冬季供暖保障和燃气安全应急预案', level: 1 },
            { p: '为及时有效应对供暖期间突发停暖、燃气泄漏等事件，保障群众温暖安全过冬，制定本预案。' },
            { h: '一、组织体系' },
            { p: '区政府成立供暖保障和燃气安全应急指挥部，办公室设在区应急局，区住建委、区市场监管局等为成员单位。' },
            { h: '二、预警和响应' },
            { p: '按照事件影响范围分为四级响应，大面积停暖超过4小时的启动二级响应。' },
            { h: '三、应急保障' },
            { p: '供热企业储备抢修队伍和备品备件，街道建立困难群众临时取暖点。' },
          ]
        : [
            { h: '防汛应急预案', level: 1 },
            { p: '为做好暴雨洪涝灾害的防范和处置，最大限度减少人员伤亡和财产损失，制定本预案。' },
            { h: '一、组织体系' },
            { p: '区防汛抗旱指挥部统一领导全区防汛工作，办公室设在区应急局，各街道和相关部门为成员单位。' },
            { h: '二、预警和响应' },
            { p: '根据气象预警等级，分为四级应急响应，红色暴雨预警时启动一级响应。' },
            { h: '三、应急保障' },
            { p: '储备排水泵车、沙袋等防汛物资，低洼地区和地下空间落实转移避险措施。' },
          ],
      shares: [
        {
          day: -13,
          hm: '09:30',
          list: [
            { type: 'user', name: 'linqiang', access: 'comment' },
            { type: 'unit', name: '区住房和城乡建设委员会', access: 'comment' },
          ],
        },
      ],
      steps: [
        { day: -10, hm: '17:30', action: 'submit', note: '请局领导审阅' },
        { day: -8, hm: '09:10', action: 'return', note: '按局领导意见修改响应分级' },
      ],
      threads: [
        {
          day: -9,
          hm: '10:15',
          by: 'linqiang',
          quote: winter ? '大面积停暖超过4小时的启动二级响应' : '红色暴雨预警时启动一级响应',
          body: '响应分级要和市级预案衔接，请对照市预案重新梳理各级启动条件。',
        },
        {
          day: -9,
          hm: '14:40',
          by: 'guomin',
          quote: winter ? '供热企业储备抢修队伍和备品备件' : '储备排水泵车、沙袋等防汛物资',
          body: '请列明物资储备点和联系人，便于紧急调用。',
          replies: [{ day: -7, hm: '10:00', by: 'xuyan', body: '已补充物资储备点清单作为附件。' }],
        },
      ],
      edits: [
        {
          day: -7,
          hm: '09:40',
          by: 'xuyan',
          append: [
            { h: '四、附则' },
            { p: '本预案由区应急局负责解释，自印发之日起施行。附件：应急物资储备点及联系人清单。' },
          ],
        },
      ],
    },
    {
      key: 'budgetReport',
      title: `关于${Number(world.today.slice(0, 4))}年区级预算执行情况的报告`,
      owner: 'hejun',
      classification: 1,
      created: { day: -9, hm: '10:20' },
      blocks: [
        { h: `关于${Number(world.today.slice(0, 4))}年区级预算执行情况的报告`, level: 1 },
        {
          p: `今年以来，全区一般公共预算收入完成${n(70, 88)}%，同比增长${n(2, 6)}.${n(1, 9)}%；一般公共预算支出完成${n(72, 90)}%。`,
        },
        { p: '从收入结构看，税收收入占比稳步提高，非税收入按计划入库。' },
        { p: '从支出结构看，教育、卫生健康、社会保障等民生支出占比保持在八成以上。' },
        { p: '下一步，将加快重点项目资金拨付进度，严格执行过紧日子要求，压减一般性支出。' },
      ],
      shares: [{ day: -9, hm: '11:00', list: [{ type: 'user', name: 'yangfan', access: 'edit' }] }],
      steps: [{ day: -3, hm: '15:00', action: 'submit', note: '请局长审阅' }],
      suggestions: [
        { day: -2, hm: '09:30', by: 'yangfan', find: '按计划入库', insert: '，确保应收尽收' },
        { day: -2, hm: '09:45', by: 'yangfan', find: '压减一般性支出', replace: true, insert: '一般性支出压减5%以上' },
      ],
      threads: [
        {
          day: -2,
          hm: '10:05',
          by: 'yangfan',
          quote: '民生支出占比保持在八成以上',
          body: '请补充与去年同期的对比数据。',
          mentions: ['hejun'],
        },
      ],
    },
    {
      key: 'foodPlan',
      title: '食品安全专项整治行动方案',
      owner: 'fengjie',
      classification: 0,
      created: { day: -16, hm: '14:10' },
      blocks: [
        { h: '食品安全专项整治行动方案', level: 1 },
        { p: '为切实保障群众“舌尖上的安全”，决定在全区开展食品安全专项整治行动。' },
        { p: '一、整治重点：校园及周边食品安全、农村集体聚餐、网络订餐和冷链食品。' },
        { p: '二、工作措施：开展全覆盖检查，建立问题台账，对违法行为依法从严查处。' },
        { p: '三、时间安排：专项整治为期三个月，分动员部署、集中整治、总结提升三个阶段。' },
      ],
      shares: [{ day: -16, hm: '14:30', list: [{ type: 'unit', name: '区卫生健康委员会', access: 'comment' }] }],
      threads: [
        {
          day: -15,
          hm: '09:30',
          by: 'huangli',
          quote: '农村集体聚餐',
          body: '建议增加食源性疾病监测和报告的内容，我委配合。',
          replies: [{ day: -15, hm: '10:40', by: 'fengjie', body: '好，已增加。' }],
          resolved: { day: -14, hm: '09:00', by: 'fengjie' },
        },
      ],
      edits: [
        {
          day: -15,
          hm: '11:00',
          by: 'fengjie',
          append: [{ p: '四、部门协作：区卫健委负责食源性疾病监测和报告，发现聚集性病例及时通报。' }],
        },
      ],
      steps: [{ day: -14, hm: '15:00', action: 'finalise', note: '定稿印发' }],
    },
    {
      key: 'epidemicPlan',
      title: winter ? '冬春季传染病防控工作方案' : '夏秋季传染病防控工作方案',
      owner: 'zhengkai',
      classification: 1,
      created: { day: -5, hm: '09:00' },
      blocks: [
        { h: winter ? '冬春季传染病防控工作方案' : '夏秋季传染病防控工作方案', level: 1 },
        {
          p: winter
            ? '冬春季是流感、诺如病毒等呼吸道和肠道传染病的高发季节，为做好防控工作，制定本方案。'
            : '夏秋季是登革热、手足口病等传染病的高发季节，为做好防控工作，制定本方案。',
        },
        { p: '一、加强监测预警。发挥哨点医院和学校晨午检作用，及时发现聚集性疫情。' },
        { p: '二、做好重点人群防护。推进老年人和儿童疫苗接种，加强养老机构、学校等重点场所防控。' },
        { p: '三、强化医疗救治。二级以上医院规范设置发热门诊，做好药品和设备储备。' },
      ],
      threads: [
        {
          day: -4,
          hm: '16:00',
          by: 'huangli',
          quote: '推进老年人和儿童疫苗接种',
          body: '请补充接种率目标和进度安排。',
          mentions: ['zhengkai'],
        },
      ],
    },
    {
      key: 'dutyNotice',
      title: `区政府办公室关于做好${holiday}期间值班工作的通知`,
      owner: 'sunyue',
      classification: 0,
      created: { day: -7, hm: '10:30' },
      blocks: [
        { h: `区政府办公室关于做好${holiday}期间值班工作的通知`, level: 1 },
        { p: '各街道办事处，区政府各部门：' },
        { p: `为确保${holiday}期间各项工作正常运转，及时妥善处置突发事件，现就做好值班工作通知如下：` },
        { p: '一、严格落实领导带班和24小时值班制度，值班人员要坚守岗位，保持通信畅通。' },
        { p: '二、遇有重大突发事件，要在30分钟内电话报告、1小时内书面报告区政府总值班室。' },
        { p: '三、请于节前3个工作日将值班表报区政府办公室秘书科。' },
      ],
      shares: [
        {
          day: -7,
          hm: '11:00',
          list: [
            { type: 'user', name: 'wanglei', access: 'edit' },
            { type: 'user', name: 'zhaojing', access: 'edit' },
          ],
        },
        // Issued (印发) to every unit; shares are the owner's to change only before the text is final.
        {
          day: -5,
          hm: '10:50',
          list: ALL_UNITS.map((name) => ({ type: 'unit' as const, name, access: 'view' as const })),
        },
      ],
      steps: [
        { day: -6, hm: '14:00', action: 'submit', note: '请王主任审定' },
        { day: -5, hm: '11:00', action: 'finalise', note: '印发' },
      ],
      suggestions: [{ day: -6, hm: '16:30', by: 'wanglei', find: '保持通信畅通', insert: '，不得擅自离岗' }],
      acceptAll: [{ day: -5, hm: '10:40' }],
    },
    {
      key: 'projectList',
      title: `${year}年重大项目储备清单编报说明`,
      owner: 'zhangwei',
      classification: 1,
      created: { day: -3, hm: '09:15' },
      blocks: [
        { h: `${year}年重大项目储备清单编报说明`, level: 1 },
        { p: '请各单位按照“谋划一批、储备一批”的要求，梳理本领域重大项目，填报项目储备清单。' },
        { p: '一、入库条件：总投资5000万元以上，符合国家产业政策和本区发展规划。' },
        { p: '二、填报内容：项目名称、建设内容、总投资、资金来源、前期工作进展和责任单位。' },
        { p: '三、报送时间：请于本月底前报区发改委规划科。' },
      ],
      shares: [
        {
          day: -3,
          hm: '09:40',
          list: [
            { type: 'user', name: 'lihua', access: 'suggest' },
            { type: 'unit', name: '区财政局', access: 'view' },
          ],
        },
      ],
      suggestions: [{ day: -1, hm: '15:20', by: 'lihua', find: '总投资5000万元以上', insert: '（产业项目1亿元以上）' }],
    },
    {
      key: 'upperNotice',
      title: '转发市政府关于促进民营经济高质量发展若干措施的通知',
      owner: 'sunyue',
      classification: 1,
      created: { day: -21, hm: '09:00' },
      blocks: [
        { h: '转发市政府关于促进民营经济高质量发展若干措施的通知', level: 1 },
        { p: '各街道办事处，区政府各部门：' },
        { p: '现将《市人民政府关于促进民营经济高质量发展的若干措施》转发给你们，请结合实际认真贯彻落实。' },
        { p: '区发改委要牵头制定我区贯彻落实的任务分工，明确责任单位和完成时限，于30日内报区政府。' },
      ],
      shares: [
        {
          day: -21,
          hm: '09:20',
          list: [
            { type: 'unit', name: '区政府督查室', access: 'view' },
            { type: 'unit', name: '区发展和改革委员会', access: 'view' },
          ],
        },
      ],
      steps: [{ day: -21, hm: '11:00', action: 'finalise', note: '印发' }],
    },
    {
      key: 'bulletin',
      title: `督查通报（${world.today.slice(0, 4)}年第${n(8, 15)}期）`,
      owner: 'wuli',
      classification: 1,
      created: { day: -6, hm: '09:00' },
      blocks: [
        { h: '督查通报', level: 1 },
        { p: '按照区政府工作安排，督查室对近期督办事项办理情况进行了督查，现将有关情况通报如下。' },
        { p: '一、总体情况：本期督办事项大部分按期推进，个别事项进度滞后。' },
        { p: '二、存在问题：少数单位进展报送不及时，个别事项已超过办理期限。' },
        { p: '三、下一步要求：请各承办单位对照期限加快办理，逾期事项要说明原因并提出整改措施。' },
      ],
      shares: [
        { day: -6, hm: '09:30', list: [{ type: 'user', name: 'zhouqiang', access: 'edit' }] },
        {
          day: -5,
          hm: '15:50',
          list: [
            { type: 'user', name: 'zhouqiang', access: 'edit' },
            ...ALL_UNITS.map((name) => ({ type: 'unit' as const, name, access: 'view' as const })),
          ],
        },
      ],
      steps: [{ day: -5, hm: '16:00', action: 'finalise', note: '印发' }],
    },
  ];
  return plans;
}
