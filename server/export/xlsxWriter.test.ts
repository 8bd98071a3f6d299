import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxParts, xlsxRows } from '../../tests/support/xlsx.ts';
import { writeXlsx } from './xlsxWriter.ts';

describe('writeXlsx', () => {
  it('writes a workbook whose sheets hold the text and numbers given', () => {
    const file = writeXlsx([
      {
        name: '督办事项',
        rows: [
          ['编号', '标题', '进度'],
          ['督办〔2026〕1号', 'A & <B>', 50],
          ['x', null, 0.75],
        ],
      },
      { name: 'a/b:c', rows: [['h']] },
    ]);
    expect(file.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const parts = xlsxParts(file);
    expect([...parts.keys()]).toContain('xl/worksheets/sheet2.xml');
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('督办〔2026〕1号');
    expect(sheet).toContain('A &amp; &lt;B&gt;');
    expect(sheet).toContain('<c r="C2"><v>50</v></c>');
    expect(sheet).toContain('<c r="C3"><v>0.75</v></c>');
    expect(parts.get('xl/workbook.xml')).toContain('name="a b c"');
    expect(xlsxRows(file)).toEqual([
      ['编号', '标题', '进度'],
      ['督办〔2026〕1号', 'A & <B>', '50'],
      ['x', '', '0.75'],
    ]);
  });

  it('is a zip that standard tools read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    const file = path.join(dir, 't.xlsx');
    fs.writeFileSync(file, writeXlsx([{ name: 'S', rows: [['a'], [1]] }]));
    const check = (() => {
      try {
        return execFileSync(
          'python3',
          ['-c', `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip())`, file],
          { encoding: 'utf8' },
        ).trim();
      } catch {
        return 'None'; // no python here: the walk above already read it back
      }
    })();
    expect(check).toBe('None');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
