import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../api/minutes.ts';
import { minutesLink } from './MeetingProposalsCard.tsx';
import { suggestedParts } from './ProposalModals.tsx';
import { groupByMeeting } from './useProposals.ts';

const proposal = (id: string, meetingId: string, decisionId: string | null = null): Proposal => ({
  id,
  meetingId,
  meetingTitle: `会议${meetingId}`,
  minutesDocumentId: `doc-${meetingId}`,
  decisionId,
  origin: 'decision',
  edited: false,
  parentId: null,
  title: id,
  sourceText: '',
  leadUnits: [],
  coUnits: [],
  owners: [],
  coOwners: [],
  due: null,
  needsReview: false,
  status: 'pending',
  taskIds: [],
  uncertain: [],
});

describe('suggestedParts', () => {
  it.each([
    [
      '一、区教育局负责学校安全检查。区卫健委负责食品安全抽检。',
      ['区教育局负责学校安全检查。', '区卫健委负责食品安全抽检。'],
    ],
    ['（二）排查燃气管道；整改消防通道；更新电梯。', ['排查燃气管道；', '整改消防通道；', '更新电梯。']],
    ['3. 区财政局负责资金保障。', ['区财政局负责资金保障。', '']],
  ])('%s', (text, parts) => {
    expect(suggestedParts(text)).toEqual(parts);
  });
});

describe('groupByMeeting', () => {
  it('keeps the meetings in the order of their first proposal and the proposals in order', () => {
    const groups = groupByMeeting([proposal('a', 'm1'), proposal('b', 'm2'), proposal('c', 'm1')]);
    expect(groups.map((g) => [g.meetingId, g.meetingTitle, g.minutesDocumentId, g.items.map((p) => p.id)])).toEqual([
      ['m1', '会议m1', 'doc-m1', ['a', 'c']],
      ['m2', '会议m2', 'doc-m2', ['b']],
    ]);
  });
});

describe('minutesLink', () => {
  it('points at the decision item when the proposal came from one', () => {
    expect(minutesLink(proposal('a', 'm1', 'f0e1d2c3-0000'))).toBe('/documents/doc-m1#decision-f0e1d2c3-0000');
    expect(minutesLink(proposal('a', 'm1'))).toBe('/documents/doc-m1');
  });
});
