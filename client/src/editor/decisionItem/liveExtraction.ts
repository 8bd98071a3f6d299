// Live extraction in the minutes editor: a short while after the minute-taker stops typing, the extractor (in a worker)
// reads the whole minutes and proposes, under each numbered paragraph it reads as a decision, the lead units, co-units,
// owners and deadline. The proposals live in this plugin's state (mapped through edits) and are drawn as React widgets;
// taking one converts the paragraph (convertParagraph.ts). Nothing here runs on the keystroke itself.
import { Extension, type Editor } from '@tiptap/core';
import { Decoration as TiptapDecoration } from '@tiptap/core';
import { ReactWidgetRenderer } from '@tiptap/react';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { ComponentType } from 'react';
import type { KnownUnit } from '../../../../common/minutes/types.ts';
import type { ExtractRun } from './extractionRunner.ts';
import { extractionText, proposalsIn, type BlockProposal } from './extractionText.ts';

/** Long enough to fall between words, short enough to feel live. */
export const EXTRACT_DELAY_MS = 600;

export interface ExtractionContext {
  /** Proposals are made only for someone who may change the minutes, while they are being drafted. */
  enabled: boolean;
  /** The meeting's date on its own calendar: relative deadlines (本月底, 10个工作日内) count from it. */
  meetingDate: string | null;
  units: KnownUnit[];
  /** The extractor failed (a bug, not bad input): say so once instead of proposing nothing silently. */
  onError: (err: unknown) => void;
}

export interface LiveProposal extends BlockProposal {
  /** Stable while the paragraph is edited, so its widget stays mounted. */
  id: number;
  /** Changes with each reading (not with each keystroke), so the widget re-renders only when there is news. */
  revision: number;
}

interface ProposalState {
  proposals: LiveProposal[];
  dismissed: ReadonlySet<string>;
  /** Bumped to ask for a fresh reading (the context arrived or changed). */
  tick: number;
}

export type ProposalMeta =
  { type: 'set'; proposals: BlockProposal[] } | { type: 'dismiss'; text: string } | { type: 'refresh' };

export const proposalKey = new PluginKey<ProposalState>('tongbanDecisionProposals');

export interface ProposalWidgetProps {
  proposalId: number;
  revision: number;
  /** The paragraph's text changed since the reading: wait for the next one before taking it. */
  stale: boolean;
}

export interface LiveExtractionOptions {
  context: { current: ExtractionContext } | null;
  /** Where readings come from (a worker in the browser). */
  runner: (() => { run: ExtractRun; dispose: () => void }) | null;
  widget: ComponentType<ProposalWidgetProps & { editor: Editor; getPos: () => number | undefined }> | null;
}

let nextId = 1;
let nextRevision = 1;

/** Keeps the ids of proposals for paragraphs that already had one (same position after mapping). */
function adopt(previous: readonly LiveProposal[], fresh: readonly BlockProposal[]): LiveProposal[] {
  const revision = nextRevision++;
  return fresh.map((p) => ({ ...p, id: previous.find((old) => old.pos === p.pos)?.id ?? nextId++, revision }));
}

export function currentProposal(state: EditorState, id: number): LiveProposal | null {
  return proposalKey.getState(state)?.proposals.find((p) => p.id === id) ?? null;
}

export function dismissProposal(editor: Editor, text: string): void {
  const meta: ProposalMeta = { type: 'dismiss', text };
  editor.view.dispatch(editor.state.tr.setMeta(proposalKey, meta).setMeta('addToHistory', false));
}

export function refreshProposals(editor: Editor): void {
  if (editor.isDestroyed) return;
  const meta: ProposalMeta = { type: 'refresh' };
  editor.view.dispatch(editor.state.tr.setMeta(proposalKey, meta).setMeta('addToHistory', false));
}

/** Proposals to draw: the paragraph is still there (a paragraph), and nobody waved the proposal away. */
export function visibleProposals(state: EditorState): Array<{ proposal: LiveProposal; end: number; stale: boolean }> {
  const plugin = proposalKey.getState(state);
  if (!plugin) return [];
  return plugin.proposals.flatMap((proposal) => {
    if (plugin.dismissed.has(proposal.text) || proposal.pos >= state.doc.content.size) return [];
    const node = state.doc.nodeAt(proposal.pos);
    if (!node || node.type.name !== 'paragraph') return [];
    const stale = node.textBetween(0, node.content.size, '', '\n') !== proposal.text;
    return [{ proposal, end: proposal.pos + node.nodeSize, stale }];
  });
}

/**
 * The proposals' plugin: their state (mapped through edits, replaced by each reading) and, given a context and a
 * runner, the debounced readings themselves. Without them (tests) it only keeps state.
 */
export function proposalPlugin(
  context: { current: ExtractionContext } | null,
  runner: LiveExtractionOptions['runner'],
): Plugin<ProposalState> {
  return new Plugin<ProposalState>({
    key: proposalKey,
    state: {
      init: () => ({ proposals: [], dismissed: new Set(), tick: 0 }),
      apply: (tr, value) => {
        let proposals = value.proposals;
        if (tr.docChanged) {
          proposals = proposals.flatMap((p) => {
            const mapped = tr.mapping.mapResult(p.pos, 1);
            return mapped.deletedAfter ? [] : [{ ...p, pos: mapped.pos }];
          });
        }
        const meta = tr.getMeta(proposalKey) as ProposalMeta | undefined;
        if (!meta) return proposals === value.proposals ? value : { ...value, proposals };
        switch (meta.type) {
          case 'set':
            return { ...value, proposals: adopt(proposals, meta.proposals) };
          case 'dismiss':
            return { ...value, proposals, dismissed: new Set([...value.dismissed, meta.text]) };
          case 'refresh':
            return { ...value, proposals, tick: value.tick + 1 };
        }
      },
    },
    view: (view) => {
      if (!context || !runner) return {};
      const extractor = runner();
      let timer: ReturnType<typeof setTimeout> | null = null;
      let destroyed = false;
      const clear = () => {
        if ((proposalKey.getState(view.state)?.proposals.length ?? 0) === 0) return;
        const meta: ProposalMeta = { type: 'set', proposals: [] };
        view.dispatch(view.state.tr.setMeta(proposalKey, meta).setMeta('addToHistory', false));
      };
      const read = async () => {
        timer = null;
        const ctx = context.current;
        if (!ctx.enabled || !ctx.meetingDate || !view.editable) {
          clear();
          return;
        }
        const doc = view.state.doc;
        const extraction = extractionText(doc);
        try {
          const tasks = await extractor.run(extraction.text, ctx.meetingDate, ctx.units);
          // An answer to an older question, or the text moved on meanwhile: the next reading is already scheduled.
          if (tasks === null || destroyed || view.state.doc !== doc) return;
          const meta: ProposalMeta = { type: 'set', proposals: proposalsIn(extraction, tasks) };
          view.dispatch(view.state.tr.setMeta(proposalKey, meta).setMeta('addToHistory', false));
        } catch (err) {
          if (!destroyed) ctx.onError(err);
        }
      };
      const schedule = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void read(), EXTRACT_DELAY_MS);
      };
      schedule();
      return {
        update: (_view, previous) => {
          if (
            view.state.doc !== previous.doc ||
            proposalKey.getState(view.state)?.tick !== proposalKey.getState(previous)?.tick
          )
            schedule();
        },
        destroy: () => {
          destroyed = true;
          if (timer) clearTimeout(timer);
          extractor.dispose();
        },
      };
    },
  });
}

export const LiveExtraction = Extension.create<LiveExtractionOptions>({
  name: 'tongbanLiveExtraction',

  addOptions() {
    return { context: null, runner: null, widget: null };
  },

  addProseMirrorPlugins() {
    return [proposalPlugin(this.options.context, this.options.runner)];
  },

  addDecorations() {
    const widget = this.options.widget;
    if (!widget) return null;
    return {
      shouldUpdate: ({ tr }) => tr.docChanged || tr.getMeta(proposalKey) !== undefined,
      create: ({ editor, state }) =>
        visibleProposals(state).flatMap(({ proposal, end, stale }) => [
          TiptapDecoration.Node(proposal.pos, end, { class: 'tb-proposal-source' }),
          ReactWidgetRenderer(widget, {
            editor,
            pos: end,
            key: `decision-proposal-${proposal.id}`,
            props: { proposalId: proposal.id, revision: proposal.revision, stale },
            as: 'div',
            className: 'tb-proposal-widget',
            side: -1,
            ignoreSelection: true,
            stopEvent: () => true,
          }),
        ]),
    };
  },
});
