import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/http.ts';
import { minutesError, refusedProposal } from './minutesErrors.ts';

// Echoes the key and the title it was given, so the tests see which text was chosen for what.
const t = ((key: string, options?: { title?: string; message?: string }) =>
  `${key}|${options?.title ?? options?.message ?? ''}`) as unknown as TFunction;

describe('minutesError', () => {
  it('names the refused proposal by its title', () => {
    const err = new ApiError(422, 'lead_unit_unresolved', '“x”: pick', { proposalId: 'p2', field: 'leadUnits' });
    expect(refusedProposal(err)).toEqual({ proposalId: 'p2', field: 'leadUnits' });
    expect(minutesError(t, err, (id) => (id === 'p2' ? '完成燃气管道隐患排查整治' : undefined))).toBe(
      'minutes.errors.lead_unit_unresolved|完成燃气管道隐患排查整治',
    );
  });

  it.each([
    ['meeting_not_ended', 'minutes.errors.meeting_not_ended|'],
    // Any minutes_<status> refusal: the step no longer fits where the minutes stand.
    ['minutes_confirming', 'minutes.errors.minutes_moved_on|'],
    ['minutes_closed', 'minutes.errors.minutes_moved_on|'],
    ['minutes_not_closed', 'minutes.errors.minutes_not_closed|'],
  ])('%s', (code, text) => {
    expect(minutesError(t, new ApiError(409, code, 'x'))).toBe(text);
  });

  it('leaves other refusals to the application texts', () => {
    expect(refusedProposal(new ApiError(403, 'forbidden', 'no'))).toBeNull();
    expect(minutesError(t, new ApiError(403, 'forbidden', 'no'))).toBe('errors.forbidden|');
  });
});
