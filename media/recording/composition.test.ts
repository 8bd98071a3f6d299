import { describe, expect, it } from 'vitest';
import { chapterMetadata, compositionArgs } from './composition.ts';

describe('chapterMetadata', () => {
  it('ends each chapter where the next starts and the last at the end, in order, escaping what ffmetadata reserves', () => {
    const text = chapterMetadata({
      title: '常务会议; 第#3次',
      durationMs: 10_000,
      chapters: [
        { title: '2. 审议=方案', startMs: 4_000 },
        { title: '1. 汇报', startMs: 0 },
        { title: '3. 过了结束', startMs: 12_000 },
      ],
    });
    expect(text).toBe(
      [
        ';FFMETADATA1',
        'title=常务会议\\; 第\\#3次',
        '[CHAPTER]',
        'TIMEBASE=1/1000',
        'START=0',
        'END=4000',
        'title=1. 汇报',
        '[CHAPTER]',
        'TIMEBASE=1/1000',
        'START=4000',
        'END=10000',
        'title=2. 审议\\=方案',
        '',
      ].join('\n'),
    );
  });

  it('keeps one chapter of several starting at the same moment', () => {
    const text = chapterMetadata({
      title: 't',
      durationMs: 5_000,
      chapters: [
        { title: 'a', startMs: 1_000 },
        { title: 'b', startMs: 1_000 },
      ],
    });
    expect(text.match(/\[CHAPTER\]/g)).toHaveLength(1);
    expect(text).toContain('title=b');
  });
});

describe('compositionArgs', () => {
  it('shows each video only in its windows, mixes every microphone delayed to its start, and has silence without any', () => {
    const args = compositionArgs(
      {
        title: 't',
        durationMs: 9_000,
        audio: [
          { file: 'a1.webm', offsetMs: 0 },
          { file: 'a2.webm', offsetMs: 2_500 },
        ],
        video: [
          { file: 'v1.webm', offsetMs: 100, windows: [{ fromMs: 100, toMs: 3_000 }] },
          { file: 'unseen.webm', offsetMs: 200, windows: [] },
        ],
        chapters: [],
      },
      'meta',
      'out.webm',
    );
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(args.filter((a) => a.endsWith('.webm') && a !== 'out.webm')).toEqual(['v1.webm', 'a1.webm', 'a2.webm']);
    expect(graph).toContain("enable='between(t,0.100,3.000)'");
    expect(graph).toContain('adelay=2500:all=1');
    expect(graph).toContain('amix=inputs=2');
    expect(args).toContain('-map_chapters');
    const silent = compositionArgs({ title: 't', durationMs: 1_000, audio: [], video: [], chapters: [] }, 'm', 'o');
    expect(silent[silent.indexOf('-filter_complex') + 1]).toContain('anullsrc');
  });
});
