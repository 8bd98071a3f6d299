// The meeting date may not lie in the past: said beside the field at once, rather than by the server on submit.
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { DEFAULT_TIME_ZONE, todayIn } from '../time.ts';

/** A rule for a YYYY-MM-DD field, on the meeting's own wall clock. */
export function notPastDate(t: TFunction, tz = DEFAULT_TIME_ZONE): FormRule {
  return {
    validator: async (_, value: string | undefined) => {
      const today = todayIn(tz);
      if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && value < today)
        throw new Error(t('meetings.form.datePast', { date: value, today }));
    },
  };
}
