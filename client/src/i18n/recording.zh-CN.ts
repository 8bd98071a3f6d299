// 会议录制 text (zh-CN, the primary language): the red 录制中 indicator, the host's record button, the recordings of a
// meeting and their player beside the minutes. recording.en.ts has exactly the same keys.

const recordingZhCN = {
  indicator: '录制中',
  indicatorTitle: '本会议正在录制，自 {{time}} 起',
  start: '开始录制',
  stop: '停止录制',
  stopConfirm: '停止录制？录像将生成并保存到会议资料中。',
  started: '已开始录制',
  stopped: '已停止录制，录像生成后可在会议页面查看',
  nextChapter: '切换议题',
  chapterMarked: '录像已进入议题：{{title}}',
  listTitle: '会议录像',
  empty: '暂无录像',
  play: '播放',
  download: '下载',
  playerTitle: '录像回放',
  minutesBeside: '会议纪要',
  chapters: '章节（议题）',
  noMinutes: '本会议暂无纪要',
  back: '返回会议',
  startedBy: '{{name}} 开始录制',
  duration: '时长 {{duration}}',
  size: '{{mb}} MB',
  status: {
    recording: '录制中',
    processing: '生成中',
    complete: '已完成',
    partial: '部分保存',
    failed: '录制失败',
  },
  partialHint: '录制进程意外中断，已保留中断前的内容',
};

export default recordingZhCN;
