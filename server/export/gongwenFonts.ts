// The four typefaces GB/T 9704-2012 asks of a 公文, found on this machine: 小标宋 (the 发文机关标志 and the title),
// 仿宋 (the body), 黑体 (first-level headings, 密级, 紧急程度), 楷体 (second-level headings, 签发人's name), and a 宋体 for
// page numbers and the seal. Offices that have the licensed 方正 or 中易 fonts installed get them; otherwise the free Fandol
// family that Debian ships in texlive-lang-chinese (FandolSong Bold / Fang / Hei / Kai) stands in, and last any
// fontconfig face that covers Chinese, so an export never fails for want of a font (the README names the packages).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { FontChoice } from './cjkFont.ts';

export type GongwenFace = 'xiaobiaosong' | 'fangsong' | 'heiti' | 'kaiti' | 'songti';

export type GongwenFonts = Record<GongwenFace, FontChoice> & {
  /** Faces for which no font of the right style was found and a stand-in is used. */
  standIns: GongwenFace[];
};

const FANDOL_DIRS = ['/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol', '/usr/share/fonts/opentype/fandol'];

/** Preferred fonts per face: family names as fontconfig knows them, then Fandol files. First found wins. */
const PREFERENCES: Record<GongwenFace, { families: string[]; fandol: string }> = {
  xiaobiaosong: {
    families: [
      'FZXiaoBiaoSong-B05S',
      '方正小标宋简体',
      '方正小标宋_GBK',
      'Noto Serif CJK SC:bold',
      'Source Han Serif SC:bold',
    ],
    fandol: 'FandolSong-Bold.otf',
  },
  fangsong: {
    families: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong'],
    fandol: 'FandolFang-Regular.otf',
  },
  heiti: {
    families: ['黑体', 'SimHei', 'Noto Sans CJK SC', 'Source Han Sans SC'],
    fandol: 'FandolHei-Regular.otf',
  },
  kaiti: { families: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti'], fandol: 'FandolKai-Regular.otf' },
  songti: {
    families: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    fandol: 'FandolSong-Regular.otf',
  },
};

/** Stand-ins a free system usually has, in order, when neither the licensed nor the Fandol font is there. */
const STAND_INS: Record<GongwenFace, string[]> = {
  xiaobiaosong: ['AR PL SungtiL GB'],
  fangsong: ['AR PL SungtiL GB'],
  heiti: ['WenQuanYi Micro Hei'],
  kaiti: ['AR PL KaitiM GB', 'AR PL UKai CN'],
  songti: ['AR PL SungtiL GB'],
};

interface InstalledFace {
  file: string;
  families: string[];
  postscriptName: string | undefined;
  style: string;
}

function installedFaces(): InstalledFace[] {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'file', 'family', 'postscriptname', 'style'], {
      encoding: 'utf8',
      timeout: 5_000,
    });
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [file, rest = ''] = line.split(/: (.*)/s, 2);
        const fields = new Map(
          rest.split(':').map((part) => {
            const eq = part.indexOf('=');
            return eq < 0 ? ['family', part] : [part.slice(0, eq), part.slice(eq + 1)];
          }),
        );
        return {
          file: file!,
          families: (fields.get('family') ?? '').split(','),
          postscriptName: fields.get('postscriptname') || undefined,
          style: fields.get('style') ?? '',
        };
      });
  } catch {
    return [];
  }
}

function byFamily(faces: InstalledFace[], wanted: string): FontChoice | null {
  const [family, style] = wanted.split(':');
  const face = faces.find(
    (f) => f.families.includes(family!) && (!style || f.style.toLowerCase().split(',').includes(style)),
  );
  // A face name only for collections (see cjkFont.ts: fontkit reads it as a variation name otherwise).
  return face
    ? { file: face.file, postscriptName: /\.(ttc|otc)$/i.test(face.file) ? face.postscriptName : undefined }
    : null;
}

function fandolFile(name: string): FontChoice | null {
  for (const dir of FANDOL_DIRS) {
    const file = `${dir}/${name}`;
    if (fs.existsSync(file)) return { file, postscriptName: undefined };
  }
  return null;
}

let cached: GongwenFonts | null | undefined;

/** The fonts for a 公文, or null when the machine has no font that can set Chinese at all. */
export function findGongwenFonts(): GongwenFonts | null {
  if (cached !== undefined) return cached;
  const faces = installedFaces();
  const standIns: GongwenFace[] = [];
  const result: Partial<Record<GongwenFace, FontChoice>> = {};
  const anyCjk = faces[0] ? byFamily(faces, faces[0].families[0]!) : null;
  for (const face of Object.keys(PREFERENCES) as GongwenFace[]) {
    const pref = PREFERENCES[face];
    let found: FontChoice | null = null;
    for (const family of pref.families) found ??= byFamily(faces, family);
    found ??= fandolFile(pref.fandol);
    if (!found) {
      standIns.push(face);
      for (const family of STAND_INS[face]) found ??= byFamily(faces, family);
      found ??= fandolFile('FandolSong-Regular.otf') ?? anyCjk;
    }
    if (!found) {
      cached = null;
      return null;
    }
    result[face] = found;
  }
  cached = { ...(result as Record<GongwenFace, FontChoice>), standIns };
  return cached;
}
