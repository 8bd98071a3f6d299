// Recording errors with their Chinese and English wording, shared by the server (messages) and the client (toasts).
export const RECORDING_ERRORS = {
  recording_quota_exceeded: {
    zh: '录像存储空间已满，无法开始录制；请管理员清理录像或提高配额',
    en: 'The storage for recordings is full: ask an administrator to clear recordings or raise the quota',
  },
  already_recording: { zh: '本会议正在录制', en: 'This meeting is already being recorded' },
  not_recording: { zh: '本会议没有在录制', en: 'This meeting is not being recorded' },
  meeting_not_live: { zh: '会议未在进行，不能录制', en: 'The meeting is not live, so it cannot be recorded' },
  recording_unavailable: {
    zh: '服务器未安装 ffmpeg，无法录制',
    en: 'Recording is unavailable: ffmpeg is not installed on the server',
  },
  recording_not_ready: { zh: '录像尚未生成', en: 'The recording is not ready yet' },
} as const;

export type RecordingErrorCode = keyof typeof RECORDING_ERRORS;

/** The message the server sends: English, then Chinese. */
export function recordingMessage(code: RecordingErrorCode): string {
  const { zh, en } = RECORDING_ERRORS[code];
  return `${en} (${zh})`;
}
