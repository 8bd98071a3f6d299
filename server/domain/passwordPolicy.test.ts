import { describe, expect, it } from 'vitest';
import { passwordProblems } from './passwordPolicy.ts';

describe('passwordProblems', () => {
  it.each<[string, string, string[]]>([
    ['Tongban#2026x', 'zhangsan', []],
    ['Ab1!', 'zhangsan', ['too_short']],
    ['alllowercase12', 'zhangsan', ['too_few_classes']],
    ['ALLUPPER!!xx', 'zhangsan', []],
    ['Zhangsan#2026', 'zhangsan', ['contains_username']],
    ['Aaaa1111!!!!x', 'lisi', ['repeated_characters']],
    ['长城长城长城长Ab1', 'lisi', []],
  ])('%s', (password, username, expected) => {
    expect(passwordProblems(password, username, 10)).toEqual(expected);
  });
});
