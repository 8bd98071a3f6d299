import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, transition, WORKFLOW_ACTIONS } from './documentWorkflow.ts';

const allowed: Record<string, string> = {
  'editing/submit': 'submitted',
  'editing/finalise': 'finalised',
  'submitted/return': 'editing',
  'submitted/finalise': 'finalised',
  'finalised/reopen': 'editing',
};

describe('document workflow', () => {
  const cases = DOCUMENT_STATUSES.flatMap((s) => WORKFLOW_ACTIONS.map((a) => [s, a] as const));
  it.each(cases)('%s + %s', (status, action) => {
    expect(transition(status, action)?.to ?? null).toBe(allowed[`${status}/${action}`] ?? null);
  });

  it('turns review mode on while a draft is out for review', () => {
    expect(transition('editing', 'submit')?.reviewMode).toBe(true);
    expect(transition('submitted', 'return')?.reviewMode).toBe(false);
  });
});
