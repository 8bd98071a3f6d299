import { describe, expect, it } from 'vitest';
import { checkUpload, sniffKind } from './fileTypes.ts';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const zip = (entry: string) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    Buffer.from(`[Content_Types].xml...${entry}`),
  ]);
const DOCX = zip('word/document.xml');
const XLSX = zip('xl/workbook.xml');
const PLAIN_ZIP = zip('photos/a.jpg');
const TEXT = Buffer.from('Hello, this is not a PDF');
const EXE = Buffer.from('MZ\x90\x00');

describe('sniffKind', () => {
  it.each<[string, Buffer, string | null]>([
    ['pdf', PDF, 'pdf'],
    ['png', PNG, 'png'],
    ['jpeg', JPEG, 'jpeg'],
    ['docx', DOCX, 'docx'],
    ['xlsx', XLSX, 'xlsx'],
    ['a plain zip', PLAIN_ZIP, null],
    ['text', TEXT, null],
    ['an executable', EXE, null],
    ['nothing', Buffer.alloc(0), null],
    ['"%PDF" later in the file', Buffer.from('junk%PDF-1.4'), null],
  ])('%s → %s', (_name, head, expected) => {
    expect(sniffKind(head)).toBe(expected);
  });
});

describe('checkUpload', () => {
  it.each<[string, string, Buffer, string]>([
    ['会议议程.pdf', 'application/pdf', PDF, 'pdf'],
    ['议程.PDF', 'application/octet-stream', PDF, 'pdf'],
    ['报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX, 'docx'],
    ['预算表.xlsx', '', XLSX, 'xlsx'],
    ['现场.jpg', 'image/jpeg', JPEG, 'jpeg'],
    ['现场.jpeg', 'image/jpeg', JPEG, 'jpeg'],
    ['示意图.png', 'image/png', PNG, 'png'],
  ])('accepts %s (%s)', (name, mime, head, kind) => {
    expect(checkUpload(name, mime, head)).toEqual({ ok: true, kind });
  });

  it.each<[string, string, Buffer, string]>([
    ['a text file named .pdf', 'application/pdf', TEXT, 'mislabeled_file'],
    ['a PNG named .pdf', 'application/pdf', PNG, 'mislabeled_file'],
    ['a PDF sent as image/png', 'image/png', PDF, 'mislabeled_file'],
    ['a workbook named .docx', 'application/octet-stream', XLSX, 'mislabeled_file'],
    ['a plain zip named .docx', '', PLAIN_ZIP, 'mislabeled_file'],
    ['an executable named .jpg', 'image/jpeg', EXE, 'mislabeled_file'],
    ['an .exe', 'application/octet-stream', EXE, 'unsupported_file_type'],
    ['a name without extension', 'application/pdf', PDF, 'unsupported_file_type'],
    ['a legacy .doc', 'application/msword', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'unsupported_file_type'],
  ])('refuses %s', (name, mime, head, code) => {
    const fileName = {
      'a text file named .pdf': 'x.pdf',
      'a PNG named .pdf': 'x.pdf',
      'a PDF sent as image/png': 'x.png',
      'a workbook named .docx': 'x.docx',
      'a plain zip named .docx': 'x.docx',
      'an executable named .jpg': 'x.jpg',
      'an .exe': 'x.exe',
      'a name without extension': 'README',
      'a legacy .doc': 'x.doc',
    }[name]!;
    expect(checkUpload(fileName, mime, head)).toMatchObject({ ok: false, code });
  });
});
