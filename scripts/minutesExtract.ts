// Command-line entry to the minutes extractor, for testing and benchmarking:
//   npx tsx scripts/minutesExtract.ts --date YYYY-MM-DD [--units units.json] FILE|-
// FILE is plain minutes text, or a corpus .json file whose text (and meetingDate, when --date is
// absent) are used. Prints {"tasks":[…]} on one line.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isValidIsoDate, shanghaiDateOf } from '../common/calendar/isoDate.ts';
import { extractTasks } from '../common/minutes/minutesExtractor.ts';
import type { KnownUnit } from '../common/minutes/types.ts';

const USAGE = 'usage: minutesExtract --date YYYY-MM-DD [--units units.json] FILE|-';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readInput(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

/** A corpus document is a JSON object with a text field; anything else is minutes text as is. */
function asDocument(raw: string, path: string): { text: string; meetingDate: string | null } {
  if (!path.endsWith('.json')) return { text: raw, meetingDate: null };
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || !('text' in parsed) || typeof parsed.text !== 'string') {
    fail(`${path}: a .json input needs a "text" string`);
  }
  const meetingDate = 'meetingDate' in parsed && typeof parsed.meetingDate === 'string' ? parsed.meetingDate : null;
  return { text: parsed.text, meetingDate };
}

function readUnits(path: string | undefined): KnownUnit[] | undefined {
  if (path === undefined) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) fail(`${path}: expected an array of {name, aliases}`);
  return parsed.flatMap((entry: unknown): KnownUnit[] => {
    if (typeof entry !== 'object' || entry === null || !('name' in entry) || typeof entry.name !== 'string') return [];
    const aliases =
      'aliases' in entry && Array.isArray(entry.aliases)
        ? entry.aliases.filter((a): a is string => typeof a === 'string')
        : [];
    return [{ name: entry.name, aliases }];
  });
}

const { values, positionals } = parseArgs({
  options: { date: { type: 'string' }, units: { type: 'string' }, help: { type: 'boolean' } },
  allowPositionals: true,
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const file = positionals[0];
if (file === undefined || positionals.length > 1) fail('expected exactly one FILE');
if (values.date !== undefined && !isValidIsoDate(values.date))
  fail(`--date must be a calendar date YYYY-MM-DD, got ${values.date}`);

const doc = asDocument(readInput(file), file);
const meetingDate = values.date ?? doc.meetingDate ?? shanghaiDateOf(new Date());
if (!isValidIsoDate(meetingDate)) fail(`meetingDate must be YYYY-MM-DD, got ${meetingDate}`);
if (values.date === undefined && doc.meetingDate === null)
  process.stderr.write(`no --date given; using today in China, ${meetingDate}\n`);

const tasks = extractTasks(doc.text, { meetingDate, units: readUnits(values.units) }).map((t) => ({
  title: t.title,
  sourceText: t.sourceText,
  leadUnits: t.leadUnits,
  coUnits: t.coUnits,
  owners: t.owners,
  coOwners: t.coOwners,
  due: t.due,
  needsReview: t.needsReview,
}));
process.stdout.write(`${JSON.stringify({ tasks })}\n`);
