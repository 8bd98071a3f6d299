// The words that assign roles in minutes, as data: which cue marks a lead or an assisting role,
// where its names stand, and how strongly it designates the lead.

export type Role = 'lead' | 'co';

/**
 * 'primary' (牵头, 责任单位, "（牵头）") outranks 'plain' (由…, 请…, …负责): in "由区发改委牵头，区住建委
 * 负责项目实施" the housing committee does its part of the work, i.e. it assists.
 */
export type Strength = 'primary' | 'plain';

export interface Cue {
  pattern: RegExp;
  role: Role;
  strength: Strength;
  /** Where the names are: before the cue word, after it, or both (A会同B: A leads, B assists). */
  slot: 'before' | 'after' | 'around';
}

export const CUES: readonly Cue[] = [
  {
    pattern: /(?:作为|为)牵头单位|牵头负责|牵头抓总|牵头落实|牵头组织|总牵头|牵头|负总责|抓总/y,
    role: 'lead',
    strength: 'primary',
    slot: 'before',
  },
  {
    pattern:
      /具体负责|负责落实|负责(?![人的任]|同志)|(?:为|作为|是)(?:第一|直接|主要)?责任人|(?:具体)?(?:承办|主办)(?![单部])/y,
    role: 'lead',
    strength: 'plain',
    slot: 'before',
  },
  {
    pattern:
      /按(?:照)?(?:职责分工|各自职责)(?:负责|落实|抓好落实)?|(?:作为|为)配合单位|(?:积极|全力|密切|主动)?(?:做好|予以)?配合|协助|协同|协办|参与|(?:(?:做好|给予|予以|加强|提供|负责)[\u4e00-\u9fa5]{0,4}?)?(?:指导|支持)(?=[，,。；;\s]|$|下|把关|督促|配合)/y,
    role: 'co',
    strength: 'plain',
    slot: 'before',
  },
  { pattern: /会同|联合(?=[区市县各])/y, role: 'co', strength: 'plain', slot: 'around' },
  {
    // 由于/理由/自由 and 提请/申请/邀请/请假 are ordinary words.
    pattern: /(?<![理自缘经事])由(?![于此])|(?<![提申邀报呈恳敬聘])请(?![假示求教])|责成|交由/y,
    role: 'lead',
    strength: 'plain',
    slot: 'after',
  },
];

/** 按职责分工负责: the listed units assist a lead, or share the lead when nobody else leads. */
export const SHARED_DUTY = /^按(?:照)?(?:职责分工|各自职责)/;

/** Boundaries of the clause a cue's names must sit in. */
export const CLAUSE_BOUNDARY = /[，,。；;：:\n（(）)！!？?]/;

/** Words that open a clause before the actor ("会议要求，", "由", "请"); stripped before reading names. */
export const PREAMBLE =
  /^(?:会议(?:研究)?(?:决定|要求|明确|强调|指出|同意|认为|议定|确定|提出|原则同意|责成|商定)?|原则同意|研究决定|要求|明确|决定|同意|确定|责成|安排|委托|交由|由|请|并|同时|另外|此外|其中|具体由|统一由|今后|下一步|对此|以上工作|上述工作|各项工作|该项工作|此项工作|该项|此项|均由|均)[，,：:\s]*/;

/**
 * A lead whose own action is only to back others up ("请区财政局做好资金保障", "区财政局负责经费
 * 保障") assists whoever else leads the item.
 */
export const SUPPORT_ACTION =
  /^(?:做好|负责|提供|给予|予以|落实|抓好|强化|加强|全力)?[\u4e00-\u9fa5]{0,6}(?:保障|支持|配合|协助)(?:工作)?$/;

/** What may follow a sentence's subject for it to be the one told to act ("区财政局要…", "…于12月底前"). */
export const IMPERATIVE_START =
  /^(?:要|需|应|务必|必须|须|抓紧|尽快|立即|及时|于|在|按|每[月周季年日]|确定|建立|加快|切实|认真|继续|进一步|做好|抓好|负责|统筹|牵头|组织|完成|开展|落实|督促|协调|推动|推进|加强|全力|积极|主动|限期|尽早|本周|下周|本月|下月|今年|明年|年底|年内|月底|近期|[0-9一二三四五六七八九十两]+(?:个|月|日|天|周))/;

/** "区国资委负责同志要…": the unit's leader stands for the unit. */
export const LEADER_OF_UNIT = /^(?:的)?(?:主要|分管)?(?:负责同志|负责人|领导同志|主要领导|领导)/;

/** What follows a name that is mentioned, not assigned: "区发改委的汇报", "区国资委提出的方案". */
export const MENTION_AFTER = /^(?:的|关于|提出|汇报|报告|呈报|反映)/;
