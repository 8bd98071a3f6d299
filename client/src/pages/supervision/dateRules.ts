// Deadline rules of the supervision forms. A date in the past (typed or picked) stays in the field with a message
// saying so: the picker's disabledDate used to drop a typed past date without a word.
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { todayIn } from '../meetings/time.ts';

/** Not before today in China, where deadlines are counted (the server checks again on its own clock). */
export function notPast(t: TFunction): FormRule {
  return {
    validator: async (_, value: Dayjs | null | undefined) => {
      if (!value) return;
      const date = value.format('YYYY-MM-DD');
      const today = todayIn();
      if (date < today) throw new Error(t('supervision.dialogs.datePast', { date, today }));
    },
  };
}

/** Strictly after the task's current deadline (an extension). */
export function laterThan(t: TFunction, deadline: string): FormRule {
  return {
    validator: async (_, value: Dayjs | null | undefined) => {
      if (value && value.format('YYYY-MM-DD') <= deadline)
        throw new Error(t('supervision.dialogs.dateNotLater', { deadline }));
    },
  };
}
