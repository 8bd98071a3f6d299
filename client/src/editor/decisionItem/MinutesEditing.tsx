// Wraps the editor of an open document with what its decision items and (for minutes being drafted) the extractor's
// proposals need: the unit directory, the people directory, the meeting's date, and the item a link pointed at.
import type { Editor } from '@tiptap/core';
import { App } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { DocumentInfo } from '../../api/documents.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { meetingsApi } from '../../api/meetings.ts';
import { useUnits } from '../../components/useUnits.ts';
import { localDay } from '../../pages/meetings/time.ts';
import { editingModeOf } from '../editingMode.ts';
import { refreshProposals, type ExtractionContext } from './liveExtraction.ts';
import { MinutesEditingContext } from './minutesEditingContext.ts';
import { PeopleDirectory } from './peopleDirectory.ts';

const ANCHOR = /^#decision-([0-9a-zA-Z-]{1,64})$/;

/** The extraction context a minutes editor is created with; MinutesEditing fills it in once it knows. */
export function useExtractionContext(): { current: ExtractionContext } {
  return useRef<ExtractionContext>({ enabled: false, meetingDate: null, units: [], onError: () => undefined });
}

/** The meeting's date on its own calendar, or the day the minutes were begun when they belong to no meeting. */
function useMeetingDate(info: DocumentInfo): string | null {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const meetingId = info.contextType === 'meeting' ? info.contextId : null;
  const [date, setDate] = useState<string | null>(null);
  useEffect(() => {
    if (!meetingId) return undefined;
    let cancelled = false;
    meetingsApi.get(meetingId).then(
      (meeting) => !cancelled && setDate(localDay(meeting.startAt, meeting.timeZone)),
      (err: unknown) =>
        !cancelled && message.warning(t('minutes.proposal.noMeetingDate', { message: errorMessage(t, err) })),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId, message, t]);
  return meetingId ? date : localDay(info.createdAt);
}

interface Props {
  editor: Editor;
  info: DocumentInfo;
  context: { current: ExtractionContext };
  children: ReactNode;
}

/** Only minutes hold decision items (the collab server refuses them elsewhere): other documents get nothing extra. */
export function MinutesEditing(props: Props) {
  return props.info.kind === 'minutes' ? <MinutesEditingProvider {...props} /> : props.children;
}

function MinutesEditingProvider({ editor, info, context, children }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { units } = useUnits();
  const people = useMemo(() => new PeopleDirectory(), []);
  const meetingDate = useMeetingDate(info);
  const { hash } = useLocation();
  const targetDecisionId = ANCHOR.exec(hash)?.[1] ?? null;
  const enabled = editingModeOf(info.access, info.reviewMode) === 'edit';

  useEffect(() => {
    let warned = false;
    context.current = {
      enabled,
      meetingDate,
      units: units.map((u) => ({ name: u.name, aliases: [...(u.shortName ? [u.shortName] : []), ...u.aliases] })),
      onError: (err) => {
        if (warned) return;
        warned = true;
        message.error(t('minutes.proposal.failed', { message: errorMessage(t, err) }));
      },
    };
    // Before the editor is mounted there is nothing to refresh: its first reading will find this context.
    if (editor.isInitialized) refreshProposals(editor);
  }, [context, editor, enabled, meetingDate, units, message, t]);

  const value = useMemo(() => ({ units, people, targetDecisionId }), [units, people, targetDecisionId]);
  return <MinutesEditingContext.Provider value={value}>{children}</MinutesEditingContext.Provider>;
}
