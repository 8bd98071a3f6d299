// The 公文 DOCX: page set-up and grid of GB/T 9704, and every element of the PDF in order, in its font and colour.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGongwenDocx } from './gongwenDocx.ts';
import type { GongwenContent } from './gongwenLayout.ts';
import { para } from '../../tests/support/gongwenSample.ts';

const content: GongwenContent = {
  copyNumber: '000123',
  secrecy: '内部',
  urgency: '特急',
  issuerMark: '某某市人民政府文件',
  documentNumber: '某政发〔2026〕12号',
  signers: null,
  title: '关于做好冬季安全生产工作的通知',
  mainRecipients: '各区人民政府，市政府各部门',
  blocks: [para('为做好冬季安全生产工作，现通知如下。'), para('一、压实责任。各单位要落实责任。')],
  attachments: ['检查清单', '值班表'],
  issuerSignature: '某某市人民政府',
  date: '2026年12月4日',
  sealed: { unitName: '某某市人民政府' },
  note: '此件公开发布',
  copyTo: ['市委各部门', '市人大常委会办公室'],
  printedBy: '某某市人民政府办公室',
  printedDate: '2026年12月4日',
};

let xml: string;
let settings: string;
let footers: string[];
beforeAll(async () => {
  const files = unzipSync(new Uint8Array(await renderGongwenDocx({ ...content, author: '某某市人民政府办公室' })));
  xml = strFromU8(files['word/document.xml']!);
  settings = strFromU8(files['word/settings.xml']!);
  footers = Object.keys(files)
    .filter((f) => /^word\/footer\d+\.xml$/.test(f))
    .sort()
    .map((f) => strFromU8(files[f]!));
});

/** The text of each paragraph, in order. */
const paragraphs = () =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('公文 DOCX', () => {
  it('sets up A4 with the 版心 margins (天头 37 mm, 订口 28 mm) and a 22-line grid', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:top="2098"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1587"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:right="1474"/);
    expect(xml).toMatch(/<w:docGrid [^>]*w:linePitch="580"/);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('has every element in GB/T 9704 order', () => {
    const texts = paragraphs().filter(Boolean);
    const order = [
      '000123',
      '内部',
      '特急',
      '某某市人民政府文件',
      '某政发〔2026〕12号',
      '关于做好冬季安全生产工作的通知',
      '各区人民政府，市政府各部门：',
      '为做好冬季安全生产工作，现通知如下。',
      '一、压实责任。各单位要落实责任。',
      '附件：1.检查清单',
      '2.值班表',
      '某某市人民政府',
      '2026年12月4日',
      '（此件公开发布）',
      '抄送：市委各部门，市人大常委会办公室。',
      '某某市人民政府办公室2026年12月4日印发',
    ];
    expect(texts.map((t) => t.replace(/\t/g, ''))).toEqual(order);
  });

  it('sets the mark in red 小标宋, the rule in red under the number, the title in 2号, headings in 黑体', () => {
    expect(xml).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]{0,300}?<w:color w:val="E60012"\/>[\s\S]{0,200}?某某市人民政府文件/,
    );
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="E60012"[^>]*\/>[\s\S]*?某政发〔2026〕12号/);
    expect(xml).toMatch(/<w:sz w:val="44"\/>[\s\S]{0,100}?关于做好冬季安全生产工作的通知/);
    expect(xml).toMatch(/w:eastAsia="黑体"[\s\S]{0,200}?一、压实责任。/);
  });

  it('numbers pages "— n —" outside: odd pages right, even pages left', () => {
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toContain('PAGE');
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —/);
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });
});
