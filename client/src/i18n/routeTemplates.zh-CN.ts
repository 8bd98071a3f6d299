// 流程模板 text (zh-CN, the primary language): the office's settings page, the step editor shared with 送审, and
// sending a 公文 with a template. routeTemplates.en.ts has exactly the same keys.

const routeTemplatesZhCN = {
  entry: '流程模板',
  title: '流程模板',
  subtitle: '本单位发文的办理流程，可按文种设置；送审时优先提供适用的模板',
  back: '返回办文',
  readOnly: '流程模板由本单位办公室维护，您可以查看',
  empty: '暂无流程模板',
  loadFailed: '流程模板加载失败：{{message}}',
  new: '新建流程模板',
  edit: '编辑',
  editTitle: '编辑流程模板',
  retire: '停用',
  retireConfirm: '停用后送审时不再提供此模板，已送审的公文不受影响。确定停用“{{name}}”吗？',
  retired: '已停用',
  showRetired: '显示已停用的模板',
  saved: '流程模板已保存',
  retiredDone: '流程模板已停用',
  name: '模板名称',
  nameRequired: '请填写模板名称',
  kind: '适用文种',
  allKinds: '全部文种',
  stepCount: '{{count}} 个环节',
  deadline: '{{days}} 个工作日',
  skipWhenUrgent: '特急时跳过',
  chosenBy: '由上一环节从候选人中选择',
  roleInUnit: '{{unit}}{{role}}',
  step: {
    byPeople: '指定人员',
    byRole: '单位角色',
    units: '单位',
    chosen: '由上一环节办理人从中选择一人或多人',
  },
  submit: {
    useTemplate: '按流程模板',
    custom: '自定义流程',
    template: '流程模板',
    none: '本单位没有适用于此文种的流程模板，请自定义流程',
    unusable: '此模板对本公文暂不可用：{{message}}',
    chooseFirst: '选择“{{step}}”的办理人',
    chooseRequired: '请选择第一环节的办理人',
    candidates: '候选：{{names}}',
    loadFailed: '流程模板加载失败：{{message}}',
  },
};

export default routeTemplatesZhCN;
