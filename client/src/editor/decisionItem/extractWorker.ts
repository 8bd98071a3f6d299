// Runs the minutes extractor off the main thread, so reading a long minutes document never delays a keystroke.
import { extractTasks } from '../../../../common/minutes/minutesExtractor.ts';
import type { ExtractRequest, ExtractResponse } from './extractionRunner.ts';

function answer(message: ExtractResponse): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<ExtractRequest>) => {
  const { id, text, meetingDate, units } = event.data;
  try {
    answer({ id, tasks: extractTasks(text, { meetingDate, units }) });
  } catch (err) {
    answer({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
