// Meeting recording text (English): the same keys as recording.zh-CN.ts.
import type recordingZhCN from './recording.zh-CN.ts';

const recordingEn: typeof recordingZhCN = {
  indicator: 'Recording',
  indicatorTitle: 'This meeting is being recorded, since {{time}}',
  start: 'Record',
  stop: 'Stop recording',
  stopConfirm: 'Stop recording? The recording will be prepared and kept with the meeting.',
  started: 'Recording started',
  stopped: 'Recording stopped; it will be listed on the meeting page once prepared',
  nextChapter: 'Move to agenda item',
  chapterMarked: 'The recording is now at: {{title}}',
  listTitle: 'Recordings',
  empty: 'No recordings yet',
  play: 'Play',
  download: 'Download',
  playerTitle: 'Recording',
  minutesBeside: 'Minutes',
  chapters: 'Chapters (agenda items)',
  noMinutes: 'This meeting has no minutes yet',
  back: 'Back to the meeting',
  startedBy: 'Started by {{name}}',
  duration: 'Length {{duration}}',
  size: '{{mb}} MB',
  status: {
    recording: 'Recording',
    processing: 'Being prepared',
    complete: 'Complete',
    partial: 'Partly kept',
    failed: 'Failed',
  },
  partialHint: 'The recorder stopped unexpectedly; what it recorded until then is kept',
};

export default recordingEn;
