import { describe, expect, it } from 'vitest';
import { changesOf, type EditForm } from './meetingChanges.ts';

const meeting = {
  title: '全区安全生产全体会议',
  type: 'zhuanti',
  customType: null,
  classification: 'internal' as const,
  description: '',
  plenary: true,
};
const form = (patch: Partial<EditForm> = {}): EditForm => ({ ...meeting, customType: undefined, ...patch });

describe('changesOf', () => {
  it.each<[string, Partial<EditForm>, ReturnType<typeof changesOf>]>([
    ['nothing changed: nothing sent, the plenary box included', {}, {}],
    ['a title with spaces around it is the same title', { title: ' 全区安全生产全体会议 ' }, {}],
    ['the plenary box alone', { plenary: false }, { plenary: false }],
    [
      'title and description',
      { title: '全区安全生产会议', description: '议程另发' },
      {
        title: '全区安全生产会议',
        description: '议程另发',
      },
    ],
    [
      'a custom type with its name',
      { type: 'custom', customType: ' 宣讲会 ' },
      { type: 'custom', customType: '宣讲会' },
    ],
    ['classification', { classification: 'secret' }, { classification: 'secret' }],
  ])('%s', (_name, patch, expected) => {
    expect(changesOf(meeting, form(patch))).toEqual(expected);
  });
});
