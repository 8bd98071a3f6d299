// Tracked-change marks (修改痕迹) as Tiptap extensions, wrapping @handlewithcare/prosemirror-suggest-changes' mark specs.
// A suggestion id encodes its author and time ("s:<userId>:<epochMs>:<random>"), so authorship travels with the
// content through Yjs and the collab server can check that a reviewer only adds or withdraws their own suggestions.
import { Mark } from '@tiptap/core';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';
import type { MarkSpec } from '@tiptap/pm/model';

export interface SuggestionAuthorship {
  userId: string;
  at: number;
}

const ID_PATTERN = /^s:([0-9a-zA-Z-]{1,64}):(\d{10,15}):([0-9a-z]{4,16})$/;

export function newSuggestionId(userId: string, at: number, random: string): string {
  return `s:${userId}:${at}:${random}`;
}

export function parseSuggestionId(id: unknown): SuggestionAuthorship | null {
  if (typeof id !== 'string') return null;
  const m = ID_PATTERN.exec(id);
  return m ? { userId: m[1]!, at: Number(m[2]) } : null;
}

function fromSpec(name: 'insertion' | 'deletion' | 'modification', spec: MarkSpec) {
  return Mark.create({
    name,
    inclusive: false,
    excludes: spec.excludes ?? '',
    addAttributes() {
      const attrs: Record<string, { default: unknown }> = {};
      for (const [key, value] of Object.entries(spec.attrs ?? {}))
        attrs[key] = { default: (value as { default?: unknown }).default ?? null };
      return attrs;
    },
    parseHTML() {
      return [
        {
          tag:
            name === 'insertion'
              ? 'ins[data-id]'
              : name === 'deletion'
                ? 'del[data-id]'
                : 'span[data-suggestion=modification]',
          getAttrs: (el: HTMLElement) => ({ id: JSON.parse(el.getAttribute('data-id') ?? 'null') as unknown }),
        },
      ];
    },
    renderHTML({ mark }) {
      const author = parseSuggestionId(mark.attrs.id);
      const tag = name === 'insertion' ? 'ins' : name === 'deletion' ? 'del' : 'span';
      return [
        tag,
        {
          'data-suggestion': name,
          'data-id': JSON.stringify(mark.attrs.id),
          'data-author': author?.userId ?? '',
          'data-at': author ? String(author.at) : '',
        },
        0,
      ];
    },
  });
}

export const Insertion = fromSpec('insertion', insertion);
export const Deletion = fromSpec('deletion', deletion);
export const Modification = fromSpec('modification', modification);
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
