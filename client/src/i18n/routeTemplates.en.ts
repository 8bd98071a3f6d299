// Route template text in English: the same keys as routeTemplates.zh-CN.ts.
import type routeTemplatesZhCN from './routeTemplates.zh-CN.ts';

const routeTemplatesEn: typeof routeTemplatesZhCN = {
  entry: 'Route templates',
  title: 'Route templates',
  subtitle: 'How your unit’s documents are routed, per kind of document; offered first when sending one',
  back: 'Back to official documents',
  readOnly: 'Your unit’s office keeps the route templates; you can view them',
  empty: 'No route templates yet',
  loadFailed: 'Could not load the route templates: {{message}}',
  new: 'New route template',
  edit: 'Edit',
  editTitle: 'Edit route template',
  retire: 'Retire',
  retireConfirm:
    'A retired template is no longer offered when sending; documents already sent keep their route. Retire “{{name}}”?',
  retired: 'Retired',
  showRetired: 'Show retired templates',
  saved: 'Route template saved',
  retiredDone: 'Route template retired',
  name: 'Name',
  nameRequired: 'Enter a name',
  kind: 'Kind of document',
  allKinds: 'All kinds',
  stepCount: '{{count}} steps',
  deadline: '{{days}} working days',
  skipWhenUrgent: 'Skipped when extra urgent',
  chosenBy: 'Chosen by the previous handler from the candidates',
  roleInUnit: '{{role}}, {{unit}}',
  step: {
    byPeople: 'People',
    byRole: 'Role in units',
    units: 'Units',
    chosen: 'The previous handler chooses one or more of them',
  },
  submit: {
    useTemplate: 'Route template',
    custom: 'Own route',
    template: 'Route template',
    none: 'Your unit has no route template for this kind of document: lay out the route yourself',
    unusable: 'This template cannot be used for this document now: {{message}}',
    chooseFirst: 'Choose who handles “{{step}}”',
    chooseRequired: 'Choose the first step’s handler',
    candidates: 'Candidates: {{names}}',
    loadFailed: 'Could not load the route templates: {{message}}',
  },
};

export default routeTemplatesEn;
