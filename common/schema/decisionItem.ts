// The decision item (决定事项) of meeting minutes: a block of text plus the structured fields a supervision task is made
// from (lead and co-units, owners, due date). Shared by the collab server (which checks every attribute a client writes,
// see decisionAttributeProblem) and the browser editor (which adds its node view on top of this node).
import { Node, mergeAttributes } from '@tiptap/core';
import { isValidIsoDate } from '../calendar/isoDate.ts';

export const DECISION_ITEM = 'decisionItem';

export interface DecisionUnit {
  unitId: string | null;
  name: string;
}
export interface DecisionPerson {
  userId: string | null;
  name: string;
}

export interface DecisionAttrs {
  id: string | null;
  leadUnits: DecisionUnit[];
  coUnits: DecisionUnit[];
  owners: DecisionPerson[];
  coOwners: DecisionPerson[];
  due: string | null;
  noDeadline: boolean;
  confirmed: boolean;
}

export const DECISION_ATTR_DEFAULTS: DecisionAttrs = {
  id: null,
  leadUnits: [],
  coUnits: [],
  owners: [],
  coOwners: [],
  due: null,
  noDeadline: false,
  confirmed: false,
};

/** Bounds keep one attribute from carrying a payload: nobody names 50 lead units in one decision. */
export const MAX_DECISION_PARTIES = 50;
export const MAX_PARTY_NAME = 100;
const ID_PATTERN = /^[0-9a-zA-Z-]{8,64}$/;
const DIRECTORY_ID = /^[0-9a-zA-Z-]{1,64}$/;

export function isDecisionId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

function partyProblem(value: unknown, idKey: 'unitId' | 'userId'): string | null {
  if (!Array.isArray(value)) return 'must be a list';
  if (value.length > MAX_DECISION_PARTIES) return `at most ${MAX_DECISION_PARTIES} entries`;
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'entries must be objects';
    const keys = Object.keys(entry);
    if (keys.length !== 2 || !keys.includes(idKey) || !keys.includes('name'))
      return `entries have exactly ${idKey} and name`;
    const { name } = entry as { name: unknown };
    const id = (entry as Record<string, unknown>)[idKey];
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_PARTY_NAME)
      return `name must be 1–${MAX_PARTY_NAME} characters`;
    if (id !== null && !(typeof id === 'string' && DIRECTORY_ID.test(id))) return `${idKey} must be an id or null`;
  }
  return null;
}

/**
 * Why a value is not acceptable for a decision item attribute, or null. `undefined` means the attribute is absent
 * (y-prosemirror does not store null attributes), which is always fine: the default applies.
 */
export function decisionAttributeProblem(key: string, value: unknown): string | null {
  if (value === undefined || value === null)
    return key in DECISION_ATTR_DEFAULTS ? null : `unknown attribute "${key.slice(0, 40)}"`;
  switch (key) {
    case 'id':
      return isDecisionId(value) ? null : 'id must be 8–64 letters, digits or dashes';
    case 'leadUnits':
    case 'coUnits':
      return partyProblem(value, 'unitId');
    case 'owners':
    case 'coOwners':
      return partyProblem(value, 'userId');
    case 'due':
      return typeof value === 'string' && isValidIsoDate(value) ? null : 'due must be a YYYY-MM-DD date or null';
    case 'noDeadline':
    case 'confirmed':
      return typeof value === 'boolean' ? null : `${key} must be true or false`;
    default:
      return `unknown attribute "${key.slice(0, 40)}"`;
  }
}

/** The attributes of a decision item as stored, with defaults for absent ones (for the server's readers). */
export function decisionAttrsOf(attrs: Record<string, unknown> | undefined): DecisionAttrs {
  const a = { ...DECISION_ATTR_DEFAULTS };
  for (const key of Object.keys(DECISION_ATTR_DEFAULTS) as Array<keyof DecisionAttrs>) {
    const value = attrs?.[key];
    if (value !== undefined && value !== null && decisionAttributeProblem(key, value) === null)
      (a as Record<string, unknown>)[key] = value;
  }
  return a;
}

function jsonAttribute(key: keyof DecisionAttrs) {
  const dataKey = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: DECISION_ATTR_DEFAULTS[key],
    parseHTML: (el: HTMLElement) => {
      const raw = el.getAttribute(dataKey);
      if (raw === null) return DECISION_ATTR_DEFAULTS[key];
      try {
        const value: unknown = JSON.parse(raw);
        return decisionAttributeProblem(key, value) === null ? value : DECISION_ATTR_DEFAULTS[key];
      } catch {
        // Pasted HTML from elsewhere: a broken field falls back to its default rather than breaking the paste.
        return DECISION_ATTR_DEFAULTS[key];
      }
    },
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs[key] === null ? {} : { [dataKey]: JSON.stringify(attrs[key]) },
  };
}

export const DecisionItem = Node.create({
  name: DECISION_ITEM,
  group: 'block',
  content: 'inline*',
  marks: '_',
  defining: true,

  addAttributes() {
    return {
      id: jsonAttribute('id'),
      leadUnits: jsonAttribute('leadUnits'),
      coUnits: jsonAttribute('coUnits'),
      owners: jsonAttribute('owners'),
      coOwners: jsonAttribute('coOwners'),
      due: jsonAttribute('due'),
      noDeadline: jsonAttribute('noDeadline'),
      confirmed: jsonAttribute('confirmed'),
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-decision-item]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-decision-item': '',
        id: node.attrs.id ? `decision-${String(node.attrs.id)}` : undefined,
        class: 'tb-decision-item',
      }),
      0,
    ];
  },
});
