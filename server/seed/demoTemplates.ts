// The 区政府办's 公文 templates in the demo: a 通知, a 请示, a 函 and a 报告, written by its 秘书科 through the template
// command a few weeks back. Their skeletons follow how district government offices write these documents — the
// opening that states the purpose, the numbered items 一、（一）, the closing formula of each 文种 (特此通知。妥否，请
// 批示。…) and, for a 请示, the contact person in the 附注 — with ×× where the drafter fills in.
import { templateBodyOf, type NewTemplate } from '../../common/officialDocs/templates.ts';
import { createTemplate } from '../commands/officialDocs/templateKeeper.ts';
import type { DemoWorld } from './demoWorld.ts';

type DemoTemplate = Omit<NewTemplate, 'unitId'>;

export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    name: '通知（部署工作）',
    kind: 'notice',
    issuerMark: '区人民政府办公室文件',
    mainRecipients: ['各街道办事处', '区政府各委、办、局'],
    ccRecipients: [],
    remark: '',
    disclosure: 'proactive',
    body: templateBodyOf([
      '为贯彻落实××关于××的部署要求，切实做好××工作，经区政府同意，现就有关事项通知如下：',
      '一、总体要求',
      '××××××。',
      '二、主要任务',
      '（一）××××。××××××。',
      '（二）××××。××××××。',
      '三、工作要求',
      '各街道、各部门要高度重视，明确责任分工，抓好组织落实，于×月×日前将工作落实情况书面报送区政府办公室。',
      '特此通知。',
    ]),
  },
  {
    name: '请示（请求批准）',
    kind: 'request',
    issuerMark: '区人民政府办公室文件',
    mainRecipients: ['区人民政府'],
    ccRecipients: [],
    remark: '联系人：××，联系电话：××××××××',
    disclosure: 'not_public',
    body: templateBodyOf([
      '为××××，根据××××的有关规定，结合我区实际，现就××××有关事项请示如下：',
      '一、基本情况',
      '××××××。',
      '二、请示事项',
      '××××××。',
      '妥否，请批示。',
    ]),
  },
  {
    name: '函（商洽工作）',
    kind: 'letter',
    issuerMark: '区人民政府办公室',
    mainRecipients: ['××××'],
    ccRecipients: [],
    remark: '联系人：××，联系电话：××××××××',
    disclosure: 'not_public',
    body: templateBodyOf([
      '因××××工作需要，现就××××有关事宜函商如下：',
      '一、××××××。',
      '二、××××××。',
      '请予支持，并于×月×日前函复为盼。',
    ]),
  },
  {
    name: '报告（工作情况）',
    kind: 'report',
    issuerMark: '区人民政府办公室文件',
    mainRecipients: ['区人民政府'],
    ccRecipients: [],
    remark: '',
    disclosure: 'on_request',
    body: templateBodyOf([
      '根据××××的工作安排，现将××××工作情况报告如下：',
      '一、工作开展情况',
      '××××××。',
      '二、存在的主要问题',
      '××××××。',
      '三、下一步工作打算',
      '××××××。',
      '特此报告。',
    ]),
  },
];

/** The templates, written by 赵静 (秘书科科长) for 区政府办 on the first morning of the demo's month. */
export function seedTemplates(world: DemoWorld): void {
  const at = world.at(world.day(-30), '08:40');
  world.timeline.add(at, 'official document templates', async () => {
    for (const template of DEMO_TEMPLATES) {
      await createTemplate(world.svc, world.ctx('zhaojing', at), world.person('zhaojing'), {
        ...template,
        unitId: world.unit('区政府办').id,
      });
      world.count('templates');
    }
  });
}
