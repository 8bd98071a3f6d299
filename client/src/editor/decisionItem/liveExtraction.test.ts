import type { JSONContent } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../../common/schema/documentSchema.ts';
import { extractTasks } from '../../../../common/minutes/minutesExtractor.ts';
import { extractionText, proposalsIn } from './extractionText.ts';
import { proposalKey, proposalPlugin, visibleProposals, type ProposalMeta } from './liveExtraction.ts';

const schema = documentSchema();
const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function read(state: EditorState): EditorState {
  const extraction = extractionText(state.doc);
  const meta: ProposalMeta = {
    type: 'set',
    proposals: proposalsIn(extraction, extractTasks(extraction.text, { meetingDate: '2026-06-10' })),
  };
  return state.apply(state.tr.setMeta(proposalKey, meta));
}

const start = () =>
  read(
    EditorState.create({
      schema,
      doc: PmNode.fromJSON(schema, {
        type: 'doc',
        content: [p('会议议定：'), p('一、区财政局负责，6月30日前完成。'), p('二、区住建委负责，7月15日前完成。')],
      }),
      plugins: [proposalPlugin(null, null)],
    }),
  );

const shown = (state: EditorState) =>
  visibleProposals(state).map(({ proposal, stale }) => [proposal.text.slice(0, 2), stale]);

describe('live proposals', () => {
  it('follow their paragraphs through edits elsewhere', () => {
    const state = start();
    expect(shown(state)).toEqual([
      ['一、', false],
      ['二、', false],
    ]);
    const ids = visibleProposals(state).map(({ proposal }) => proposal.id);
    const edited = state.apply(state.tr.insertText('（第一次）', 1));
    expect(shown(edited)).toEqual([
      ['一、', false],
      ['二、', false],
    ]);
    expect(visibleProposals(edited).map(({ proposal }) => proposal.id)).toEqual(ids);
    expect(edited.doc.nodeAt(visibleProposals(edited)[0]?.proposal.pos ?? -1)?.textContent).toBe(
      '一、区财政局负责，6月30日前完成。',
    );
  });

  it('go stale while their own paragraph is edited, and keep their widget through the next reading', () => {
    const state = start();
    const [first] = visibleProposals(state);
    if (!first) throw new Error('no proposal');
    const typing = state.apply(state.tr.insertText('请', first.proposal.pos + 3));
    expect(shown(typing)).toEqual([
      ['一、', true],
      ['二、', false],
    ]);
    const reread = read(typing);
    expect(shown(reread)).toEqual([
      ['一、', false],
      ['二、', false],
    ]);
    expect(visibleProposals(reread)[0]?.proposal.id).toBe(first.proposal.id);
    expect(visibleProposals(reread)[0]?.proposal.revision).not.toBe(first.proposal.revision);
  });

  it('vanish with their paragraph, and once waved away', () => {
    const state = start();
    const [first, second] = visibleProposals(state);
    if (!first || !second) throw new Error('no proposals');
    const deleted = state.apply(state.tr.delete(first.proposal.pos, first.end));
    expect(shown(deleted)).toEqual([['二、', false]]);
    const dismiss: ProposalMeta = { type: 'dismiss', text: second.proposal.text };
    expect(shown(deleted.apply(deleted.tr.setMeta(proposalKey, dismiss)))).toEqual([]);
  });

  it('count a refresh request', () => {
    const state = start();
    const refresh: ProposalMeta = { type: 'refresh' };
    expect(proposalKey.getState(state.apply(state.tr.setMeta(proposalKey, refresh)))?.tick).toBe(1);
  });
});
