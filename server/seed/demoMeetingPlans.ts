// What the demo's meetings are: a month of a district government's meetings placed on China's working days around
// the seeding day — standing meetings, special meetings, a joint meeting, weekly office meetings, today's meetings
// (one online video call running now), the coming weeks', one called off and one still a draft. Seasonal topics follow
// the seeding month (heating and fire safety in winter, flood control in summer).
import type { IsoDate } from '../../common/calendar/isoDate.ts';
import { isWorkingDay } from '../../common/calendar/workingDays.ts';
import type { MeetingPlan } from './demoMeetings.ts';
import { chineseNumber, type DemoRandom } from './demoRandom.ts';
import type { DemoWorld } from './demoWorld.ts';

const MINUTE = 60_000;

export type Season = 'winter' | 'summer';

export function seasonOf(today: IsoDate): Season {
  const month = Number(today.slice(5, 7));
  return month >= 10 || month <= 3 ? 'winter' : 'summer';
}

/** The year plans are made for: from October on, offices plan the next one. */
export function planYear(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 10 ? year + 1 : year;
}

const LEADERS = ['liufang', 'wanglei', 'lihua', 'yangfan', 'guomin', 'linqiang', 'huangli', 'fengjie'];
const OFFICE = ['zhaojing', 'sunyue', 'zhouqiang', 'wuli'];

export function meetingPlans(world: DemoWorld, rng: DemoRandom): MeetingPlan[] {
  const { day, at } = { day: (n: number) => world.day(n), at: (d: IsoDate, hm: string) => world.at(d, hm) };
  const season = seasonOf(world.today);
  const year = planYear(world.today);
  const session = rng.int(18, 30);
  const winter = season === 'winter';
  const base = { organiser: 'zhaojing', minuteTaker: 'sunyue', classification: 1, mode: 'in_room' as const };
  const plans: MeetingPlan[] = [];
  const add = (plan: MeetingPlan) => plans.push(plan);

  add({
    ...base,
    key: 'standing',
    type: 'changwu',
    title: `区政府第${chineseNumber(session)}次常务会议`,
    room: '常务会议室',
    host: 'chenming',
    description: '研究城市更新、安全生产和季节性重点工作。',
    start: at(day(-22), '09:00'),
    end: at(day(-22), '11:30'),
    scheduledAt: at(day(-27), '10:15'),
    attendees: LEADERS,
    nonVoting: ['zhouqiang'],
    agenda: [
      { title: `审议《城市更新三年行动方案（${year}—${year + 2}年）（送审稿）》`, presenter: 'guomin', minutes: 45 },
      { title: '听取全区安全生产大检查工作情况汇报', presenter: 'linqiang', minutes: 30 },
      { title: winter ? '研究冬季供暖保障资金安排' : '研究防汛物资储备资金安排', presenter: 'yangfan', minutes: 30 },
      { title: '其他事项', presenter: 'wanglei', minutes: 15 },
    ],
    leave: [{ username: 'huangli', reason: '参加市卫健委全市疾控工作会议', substitute: 'zhengkai' }],
    late: ['fengjie'],
    material: {
      agendaIndex: 0,
      title: '城市更新三年行动方案（送审稿）起草说明',
      lines: [
        `为贯彻落实市委、市政府关于实施城市更新行动的部署，区住建委会同区发改委、区财政局起草了《城市更新三年行动方案（${year}—${year + 2}年）》。`,
        `方案提出，三年内完成老旧小区综合整治${rng.int(38, 56)}个、背街小巷整治${rng.int(60, 90)}条，新增口袋公园${rng.int(8, 15)}处，同步推进加装电梯和完整社区建设。`,
        '资金按照“政府引导、市场运作、居民参与”的原则多渠道筹措，区级财政资金纳入中期财政规划统筹安排。',
        '起草过程中征求了各街道和相关部门意见，共收到意见建议二十余条，已吸收采纳大部分意见。',
        '请区政府常务会议审议。',
      ],
    },
  });
  add({
    ...base,
    key: 'renewal',
    type: 'zhuanti',
    title: '城市更新工作专题会',
    room: '第一会议室',
    host: 'liufang',
    description: '推进老旧小区改造和城市更新项目。',
    start: at(day(-18), '14:30'),
    end: at(day(-18), '16:30'),
    scheduledAt: at(day(-21), '09:40'),
    attendees: ['guomin', 'matao', 'yangfan', 'lihua', 'zhangwei'],
    nonVoting: ['hejun'],
    agenda: [
      { title: '老旧小区改造项目进展情况', presenter: 'guomin', minutes: 40 },
      { title: '城市更新项目资金保障方案', presenter: 'yangfan', minutes: 40 },
      { title: '重点片区更新规划研究', presenter: 'lihua', minutes: 40 },
    ],
  });
  add({
    ...base,
    key: 'safety',
    type: 'zhuanti',
    mode: 'hybrid',
    title: '安全生产形势分析会',
    room: '视频会商室',
    host: 'liufang',
    description: '分析当前安全生产形势，部署隐患排查整治。各街道通过视频参会。',
    start: at(day(-15), '09:30'),
    end: at(day(-15), '11:30'),
    scheduledAt: at(day(-18), '15:20'),
    attendees: ['linqiang', 'xuyan', 'fengjie', 'guomin', 'matao', 'huangli'],
    agenda: [
      { title: '近期安全生产形势分析', presenter: 'linqiang', minutes: 40 },
      { title: '建筑施工领域安全隐患排查情况', presenter: 'guomin', minutes: 40 },
      { title: '特种设备和人员密集场所检查情况', presenter: 'fengjie', minutes: 40 },
    ],
    absent: ['matao'],
  });
  add({
    ...base,
    key: 'seasonal',
    type: 'lianxi',
    room: '第二会议室',
    host: 'liufang',
    title: winter ? '冬季供暖保障工作联席会议' : '防汛抗旱工作联席会议',
    description: winter
      ? '协调供热企业、燃气和应急保障，确保群众温暖过冬。'
      : '协调防汛物资、队伍和预警响应，确保安全度汛。',
    start: at(day(-12), '14:30'),
    end: at(day(-12), '16:00'),
    scheduledAt: at(day(-15), '11:00'),
    attendees: ['guomin', 'matao', 'yangfan', 'linqiang', 'xuyan', 'fengjie'],
    agenda: [
      {
        title: winter ? '供热准备和设施检修情况' : '防汛物资和抢险队伍准备情况',
        presenter: winter ? 'guomin' : 'linqiang',
        minutes: 40,
      },
      {
        title: winter ? '困难群众取暖救助资金安排' : '低洼地区和在建工地防汛措施',
        presenter: winter ? 'yangfan' : 'guomin',
        minutes: 30,
      },
      { title: '应急值守和信息报送', presenter: 'linqiang', minutes: 20 },
    ],
  });
  for (const [i, offset] of [-14, -9, -5].entries()) {
    add({
      ...base,
      key: `weekly${i}`,
      type: 'weekly',
      title: '区政府办工作例会',
      room: '小会议室',
      host: 'wanglei',
      minuteTaker: null,
      description: '通报上周工作，安排本周重点事项。',
      start: at(day(offset), '08:30'),
      end: at(day(offset), '09:20'),
      scheduledAt: at(day(offset - 1), '16:00'),
      attendees: OFFICE,
      agenda: [
        { title: '上周工作通报和本周安排', presenter: 'zhaojing', minutes: 30 },
        { title: '督查督办事项进展', presenter: 'zhouqiang', minutes: 20 },
      ],
      ...(i === 1 ? { late: ['wuli'] } : {}),
    });
  }
  add({
    ...base,
    key: 'business',
    type: 'zhuanti',
    title: '优化营商环境工作推进会',
    room: '第一会议室',
    host: 'chenming',
    description: '推进营商环境改革各项任务，研究政务服务“一网通办”工作。',
    start: at(day(-4), '09:30'),
    end: at(day(-4), '11:30'),
    scheduledAt: at(day(-8), '14:10'),
    attendees: ['lihua', 'zhangwei', 'yangfan', 'fengjie', 'wanglei'],
    nonVoting: ['hejun'],
    agenda: [
      { title: '营商环境评价指标对标情况', presenter: 'lihua', minutes: 40 },
      { title: '市场主体登记和监管改革', presenter: 'fengjie', minutes: 40 },
      { title: '惠企政策兑现资金安排', presenter: 'yangfan', minutes: 30 },
    ],
  });
  add({
    ...base,
    key: 'secret',
    type: 'zhuanti',
    classification: 2,
    title: '重大事项决策专题会',
    room: '常务会议室',
    host: 'chenming',
    minuteTaker: 'zhaojing',
    description: '研究涉及重大资金安排的事项（秘密）。',
    start: at(day(-8), '15:00'),
    end: at(day(-8), '16:30'),
    scheduledAt: at(day(-10), '09:00'),
    attendees: ['liufang', 'wanglei', 'lihua', 'yangfan'],
    agenda: [{ title: '重大资金安排事项', presenter: 'yangfan', minutes: 60 }],
  });
  add({
    ...base,
    key: 'visit',
    type: 'zhuanti',
    title: '重点项目现场观摩会',
    room: '第二会议室',
    host: 'chenming',
    description: '观摩全区在建重点项目，现场协调解决问题。',
    start: at(day(-3), '14:30'),
    end: at(day(-3), '17:00'),
    scheduledAt: at(day(-8), '10:00'),
    attendees: ['lihua', 'guomin', 'yangfan', 'zhangwei'],
    agenda: [{ title: '现场观摩和问题协调', presenter: 'lihua', minutes: 120 }],
    cancel: { at: at(day(-5), '17:20'), reason: '因天气原因，观摩会另行安排，请各单位做好项目资料准备。' },
  });
  add({
    ...base,
    key: 'seasonal2',
    type: 'zhuanti',
    mode: 'hybrid',
    room: '视频会商室',
    host: 'liufang',
    title: winter ? '冬季森林防火和燃气安全工作部署会' : '汛期防汛工作部署会',
    description: winter
      ? '部署冬季森林防火、燃气安全和节日期间安全防范工作。'
      : '部署汛期防汛责任落实、隐患排查和应急值守工作。',
    start: at(day(-2), '14:30'),
    end: at(day(-2), '16:00'),
    scheduledAt: at(day(-5), '16:40'),
    attendees: ['linqiang', 'xuyan', 'guomin', 'fengjie', 'huangli', 'zhengkai'],
    agenda: [
      { title: winter ? '森林防火和燃气安全形势' : '今年汛期形势预测', presenter: 'linqiang', minutes: 40 },
      { title: '各单位工作安排', presenter: 'guomin', minutes: 40 },
    ],
  });
  add({
    ...base,
    key: 'office',
    type: 'bangong',
    title: '区政府办公会议',
    room: '第二会议室',
    host: 'wanglei',
    minuteTaker: null,
    description: '研究政务服务中心窗口调整和12345热线办理情况。',
    start: at(day(-1), '10:00'),
    end: at(day(-1), '11:30'),
    scheduledAt: at(day(-3), '17:00'),
    attendees: ['zhaojing', 'sunyue', 'zhouqiang', 'lihua'],
    agenda: [
      { title: '政务服务窗口调整方案', presenter: 'zhaojing', minutes: 45 },
      { title: '12345热线办理情况', presenter: 'zhouqiang', minutes: 30 },
    ],
  });

  // Today: the online video call has been running for a quarter of an hour (whatever the hour); the day's meetings in
  // rooms are held on working days only.
  const liveStart = Math.max(
    Math.floor((world.now.getTime() - 15 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE,
    at(world.today, '00:00').getTime(),
  );
  add({
    ...base,
    key: 'live',
    type: 'zhuanti',
    mode: 'online',
    room: null,
    host: 'liufang',
    minuteTaker: null,
    title: winter ? '冬季安全生产视频调度会' : '汛期安全生产视频调度会',
    description: '视频调度各单位安全生产和应急值守情况，各单位负责同志在线参会。',
    start: new Date(liveStart),
    end: new Date(liveStart + 75 * MINUTE),
    scheduledAt: at(day(-1), '16:30'),
    attendees: ['linqiang', 'xuyan', 'guomin', 'matao', 'huangli', 'zhengkai', 'fengjie'],
    agenda: [
      { title: '各单位汇报值守和隐患排查情况', presenter: 'linqiang', minutes: 45 },
      { title: '领导讲话', presenter: 'liufang', minutes: 20 },
    ],
  });
  if (isWorkingDay(world.today)) {
    add({
      ...base,
      key: 'todayProjects',
      type: 'zhuanti',
      title: '重大项目推进调度会',
      room: '常务会议室',
      host: 'chenming',
      description: '调度重大项目前期手续、征收和开工情况。',
      start: at(world.today, '09:00'),
      end: at(world.today, '10:30'),
      scheduledAt: at(day(-3), '11:00'),
      attendees: ['lihua', 'zhangwei', 'yangfan', 'hejun', 'wanglei'],
      agenda: [
        { title: '重大项目进展', presenter: 'lihua', minutes: 50 },
        { title: '资金拨付情况', presenter: 'yangfan', minutes: 30 },
      ],
    });
    add({
      ...base,
      key: 'todayDigital',
      type: 'zhuanti',
      title: '数字政府建设推进会',
      room: '第一会议室',
      host: 'wanglei',
      minuteTaker: null,
      description: '推进政务数据共享和“一网通办”事项上线。',
      start: at(world.today, '15:00'),
      end: at(world.today, '16:00'),
      scheduledAt: at(day(-2), '09:30'),
      attendees: ['zhaojing', 'sunyue', 'zhouqiang', 'zhangwei'],
      agenda: [
        { title: '政务数据共享清单', presenter: 'zhangwei', minutes: 30 },
        { title: '一网通办上线事项', presenter: 'zhaojing', minutes: 25 },
      ],
    });
  }

  add({
    ...base,
    key: 'standingNext',
    type: 'changwu',
    title: `区政府第${chineseNumber(session + 1)}次常务会议`,
    room: '常务会议室',
    host: 'chenming',
    description: '审议重点项目计划和营商环境政策措施。',
    start: at(day(1), '09:00'),
    end: at(day(1), '11:30'),
    scheduledAt: at(day(-2), '10:00'),
    attendees: LEADERS,
    nonVoting: ['zhouqiang'],
    agenda: [
      { title: `审议《${year}年区级重点项目计划（草案）》`, presenter: 'lihua', minutes: 45 },
      { title: '审议《关于进一步优化营商环境的若干措施》', presenter: 'fengjie', minutes: 40 },
      {
        title: winter ? '听取冬季供暖保障情况汇报' : '听取防汛工作情况汇报',
        presenter: winter ? 'guomin' : 'linqiang',
        minutes: 30,
      },
    ],
    leave: [{ username: 'yangfan', reason: '赴市财政局汇报预算编制工作', substitute: 'hejun' }],
    silent: ['huangli', 'fengjie'],
    material: {
      agendaIndex: 0,
      title: `${year}年区级重点项目计划（草案）编制说明`,
      lines: [
        `${year}年区级重点项目计划共安排项目${rng.int(58, 76)}个，总投资约${rng.int(180, 260)}亿元，其中新开工项目${rng.int(18, 28)}个。`,
        '项目安排坚持“谋划一批、储备一批、开工一批、投产一批”，重点向城市更新、产业升级和民生保障领域倾斜。',
        '各项目明确了责任单位、责任人和年度节点目标，纳入督查督办事项按月调度。',
        '请区政府常务会议审议。',
      ],
    },
  });
  add({
    ...base,
    key: 'business2',
    type: 'zhuanti',
    mode: 'hybrid',
    title: '营商环境评价迎检工作部署会',
    room: '视频会商室',
    host: 'lihua',
    organiser: 'lihua',
    minuteTaker: 'zhangwei',
    description: '部署营商环境评价迎检准备工作。',
    start: at(day(2), '14:30'),
    end: at(day(2), '16:30'),
    scheduledAt: at(day(-1), '09:20'),
    attendees: ['zhangwei', 'hejun', 'fengjie', 'zhaojing'],
    agenda: [
      { title: '评价指标任务分解', presenter: 'zhangwei', minutes: 50 },
      { title: '佐证材料准备', presenter: 'hejun', minutes: 40 },
    ],
  });
  add({
    ...base,
    key: 'weeklyNext',
    type: 'weekly',
    title: '区政府办工作例会',
    room: '小会议室',
    host: 'wanglei',
    minuteTaker: null,
    description: '通报上周工作，安排本周重点事项。',
    start: at(day(3), '08:30'),
    end: at(day(3), '09:20'),
    scheduledAt: at(day(-1), '17:10'),
    attendees: OFFICE,
    agenda: [{ title: '上周工作通报和本周安排', presenter: 'zhaojing', minutes: 30 }],
  });
  add({
    ...base,
    key: 'food',
    type: 'zhuanti',
    title: '食品安全专项整治推进会',
    room: '第一会议室',
    host: 'liufang',
    description: '推进校园周边和农村集体聚餐食品安全专项整治。',
    start: at(day(5), '09:30'),
    end: at(day(5), '11:00'),
    scheduledAt: at(day(-1), '15:00'),
    attendees: ['fengjie', 'huangli', 'zhengkai', 'xuyan'],
    agenda: [
      { title: '专项整治进展', presenter: 'fengjie', minutes: 40 },
      { title: '食源性疾病监测', presenter: 'huangli', minutes: 30 },
    ],
  });
  add({
    ...base,
    key: 'renewalJoint',
    type: 'lianxi',
    title: '城市更新项目联席会议',
    room: '第二会议室',
    host: 'liufang',
    description: '协调城市更新项目审批、征收和资金问题。',
    start: at(day(7), '14:30'),
    end: at(day(7), '16:00'),
    scheduledAt: at(day(-1), '11:30'),
    attendees: ['guomin', 'matao', 'lihua', 'zhangwei', 'yangfan'],
    agenda: [{ title: '项目审批和征收问题协调', presenter: 'guomin', minutes: 60 }],
  });
  add({
    ...base,
    key: 'economyDraft',
    type: 'zhuanti',
    title: '经济运行分析会',
    room: '常务会议室',
    host: 'chenming',
    draft: true,
    description: '分析全区经济运行情况，研究稳增长措施（草稿，待定时间）。',
    start: at(day(8), '09:00'),
    end: at(day(8), '11:00'),
    scheduledAt: at(day(-1), '17:40'),
    attendees: ['lihua', 'yangfan', 'zhangwei', 'fengjie'],
    agenda: [{ title: '经济运行情况分析', presenter: 'lihua', minutes: 60 }],
  });
  return plans;
}
