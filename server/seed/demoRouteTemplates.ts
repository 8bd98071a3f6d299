// The demo's route templates (流程模板), written by 区政府办's 秘书科 through the route template command: how a district
// government office sends its 公文 — the section head checks (科室负责人审核), the units concerned countersign in
// parallel, the office director checks the draft (办公室主任核稿, skipped when 特急), and the leader in charge signs it
// off, chosen by the one before from the district's leaders; a 请示 and every other 文种 take shorter routes.
import type { NewRouteTemplate, StepInput } from '../domain/officialDocs/routeTemplates.ts';
import { createRouteTemplate } from '../commands/officialDocs/routeTemplateKeeper.ts';
import type { DemoWorld } from './demoWorld.ts';

type Spec = NonNullable<StepInput['handlers']>[number];

/** The templates, as the office would write them; people by username and units by name until the world resolves them. */
export function demoRouteTemplates(
  person: (username: string) => Spec,
  leadersOf: (unit: string) => Spec,
): Array<{ unit: string; template: NewRouteTemplate }> {
  return [
    {
      unit: '区政府办',
      template: {
        name: '通知（会签后签发）',
        kind: 'notice',
        steps: [
          { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [person('zhaojing')], deadlineDays: 1 },
          {
            id: 'countersign',
            name: '相关单位会签',
            kind: 'parallel',
            mode: 'all',
            handlers: [leadersOf('区发改委'), leadersOf('区财政局')],
            deadlineDays: 3,
          },
          {
            id: 'check',
            name: '办公室主任核稿',
            kind: 'single',
            handlers: [person('wanglei')],
            skipWhenUrgent: true,
            deadlineDays: 1,
          },
          { id: 'signoff', name: '分管领导签发', kind: 'single', chooseFrom: [leadersOf('区政府')], deadlineDays: 2 },
        ],
      },
    },
    {
      unit: '区政府办',
      template: {
        name: '请示（主任签发）',
        kind: 'request',
        steps: [
          { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [person('zhaojing')], deadlineDays: 1 },
          { id: 'signoff', name: '办公室主任签发', kind: 'single', handlers: [person('wanglei')], deadlineDays: 2 },
        ],
      },
    },
    {
      unit: '区政府办',
      template: {
        name: '通用发文流程',
        kind: null,
        steps: [
          { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [person('zhaojing')], deadlineDays: 2 },
          { id: 'signoff', name: '办公室主任签发', kind: 'single', handlers: [person('wanglei')], deadlineDays: 2 },
        ],
      },
    },
    {
      unit: '区政府',
      template: {
        name: '区政府通知（区长签发）',
        kind: 'notice',
        steps: [
          {
            id: 'check',
            name: '办公室主任核稿',
            kind: 'single',
            handlers: [person('wanglei')],
            skipWhenUrgent: true,
            deadlineDays: 1,
          },
          { id: 'signoff', name: '区长签发', kind: 'single', handlers: [person('chenming')], deadlineDays: 2 },
        ],
      },
    },
  ];
}

/** Written by 赵静 (秘书科科长) on the first morning of the demo's month, just after the 公文 templates. */
export function seedRouteTemplates(world: DemoWorld): void {
  const at = world.at(world.day(-30), '08:50');
  world.timeline.add(at, 'official document route templates', async () => {
    const templates = demoRouteTemplates(
      (username) => ({ userId: world.person(username).id }),
      (unit) => ({ unitId: world.unit(unit).id, role: 'leader' }),
    );
    for (const { unit, template } of templates) {
      await createRouteTemplate(world.svc, world.ctx('zhaojing', at), world.person('zhaojing'), {
        ...template,
        unitId: world.unit(unit).id,
      });
      world.count('routeTemplates');
    }
  });
}
