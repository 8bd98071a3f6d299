// The administrators' passwords the server refused at first-run setup (weak_password, details.accounts), each with a
// sentence that names the administrator it belongs to, for the form to mark beside that password field.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http.ts';
import { listOf } from '../../i18n/punctuation.ts';

export type Duty = 'system' | 'security' | 'audit';
export const DUTIES: readonly Duty[] = ['system', 'security', 'audit'];

const PROBLEMS = ['too_short', 'too_long', 'too_few_classes', 'contains_username', 'repeated_characters'] as const;
type Problem = (typeof PROBLEMS)[number];

export interface WeakPassword {
  account: Duty;
  message: string;
}

/** The refused passwords of a weak_password answer, each with a sentence that names its administrator. */
export function weakPasswords(t: TFunction, err: unknown): WeakPassword[] {
  if (
    !(err instanceof ApiError) ||
    err.code !== 'weak_password' ||
    typeof err.details !== 'object' ||
    err.details === null
  )
    return [];
  const { accounts, minLength } = err.details as { accounts?: unknown; minLength?: unknown };
  if (!Array.isArray(accounts)) return [];
  return accounts.flatMap((entry: { account?: unknown; problems?: unknown }) => {
    const account = DUTIES.find((d) => d === entry.account);
    if (!account || !Array.isArray(entry.problems)) return [];
    const problems = entry.problems
      .filter((p): p is Problem => (PROBLEMS as readonly unknown[]).includes(p))
      .map((p) => t(`passwordProblems.${p}`, { minLength: typeof minLength === 'number' ? minLength : 10 }));
    return [
      {
        account,
        message: t('setup.passwordProblem', {
          account: t(`setup.${account}`),
          problems: listOf(t, problems, 'semicolon'),
        }),
      },
    ];
  });
}
