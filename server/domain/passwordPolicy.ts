// Password rules (等保三级): minimum length, at least three character classes, not the username, no reuse of the last five.

export const PASSWORD_HISTORY_DEPTH = 5;

export type PasswordProblem =
  'too_short' | 'too_long' | 'too_few_classes' | 'contains_username' | 'repeated_characters';

export function passwordProblems(password: string, username: string, minLength: number): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('too_few_classes');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains_username');
  if (/(.)\1\1\1/.test(password)) problems.push('repeated_characters');
  return problems;
}
