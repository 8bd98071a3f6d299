// The clash check beside the scheduling form: is the room free, who has another meeting then, who is not cleared.
// Asked again (debounced) whenever the time, room, classification or people change.
import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingsApi, type ClashReport } from '../../../api/meetings.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { timeRange } from '../time.ts';
import { toRequest, type MeetingFormValues } from './MeetingFormPage.tsx';
import { listOf } from '../../../i18n/punctuation.ts';

const CHECK_DELAY_MS = 400;

export interface ClashCheckState {
  report: ClashReport | null;
  checking: boolean;
  error: string | null;
}

export function useClashCheck(values: MeetingFormValues | undefined): ClashCheckState {
  const { t } = useTranslation();
  const [state, setState] = useState<ClashCheckState>({ report: null, checking: false, error: null });
  const seq = useRef(0);
  const key = values && values.date && values.startTime && values.endTime ? JSON.stringify(checkBody(values)) : null;

  useEffect(() => {
    if (!key) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, checking: true }));
      meetingsApi.clashCheck(JSON.parse(key) as ReturnType<typeof checkBody>).then(
        (report) => mine === seq.current && setState({ report, checking: false, error: null }),
        (err: unknown) =>
          mine === seq.current && setState({ report: null, checking: false, error: meetingErrorText(t, err) }),
      );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, t]);
  return key ? state : { report: null, checking: false, error: null };
}

function checkBody(v: MeetingFormValues) {
  const r = toRequest({ ...v, title: v.title ?? '', agenda: [], people: v.people ?? [], units: v.units ?? [] });
  return {
    startAt: r.startAt,
    endAt: r.endAt,
    roomId: r.roomId ?? null,
    classification: r.classification ?? 'internal',
    hostId: r.hostId ?? null,
    minuteTakerId: r.minuteTakerId ?? null,
    participants: r.participants,
  };
}

export function ClashPanel({ check }: { check: ClashCheckState }) {
  const { t } = useTranslation();
  const { report, checking, error } = check;
  return (
    <Card title={t('meetings.check.title')} className="tb-form-card" data-testid="clash-panel">
      <Spin spinning={checking}>
        {error ? (
          <Alert type="error" showIcon message={error} />
        ) : !report ? (
          <Typography.Text type="secondary">{t('meetings.check.idle')}</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {report.room &&
              (report.room.free ? (
                <Alert type="success" showIcon message={t('meetings.check.roomFree')} data-testid="room-free" />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  message={t('meetings.check.roomTaken')}
                  description={listOf(
                    t,
                    report.room.bookings.map((b) =>
                      t('meetings.check.busySlot', {
                        time: timeRange(b.startAt, b.endAt),
                        title: b.title ?? t('meetings.check.busyUntitled'),
                      }),
                    ),
                    'semicolon',
                  )}
                  data-testid="room-taken"
                />
              ))}
            {report.clashes.length === 0 ? (
              <Alert type="success" showIcon message={t('meetings.check.noClashes')} />
            ) : (
              <Alert
                type="warning"
                showIcon
                data-testid="participant-clashes"
                message={t('meetings.check.clashes', { count: report.clashes.length })}
                description={
                  <ul className="tb-plain-list">
                    {report.clashes.map((c) => (
                      <li key={c.userId}>
                        {t('meetings.check.clashLine', {
                          name: c.displayName,
                          unit: c.unitName,
                          // A meeting the organiser may not see is only said to be there, without time or title.
                          meetings: listOf(
                            t,
                            [
                              ...c.meetings.map((m) => `${timeRange(m.startAt, m.endAt)} ${m.title}`),
                              ...(c.busyElsewhere ? [t('meetings.check.busyElsewhere')] : []),
                            ],
                            'comma',
                          ),
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {report.notCleared.length > 0 && (
              <Alert
                type="error"
                showIcon
                message={t('meetings.check.notCleared', {
                  names: listOf(
                    t,
                    report.notCleared.map((p) => p.displayName),
                  ),
                })}
              />
            )}
            {report.excluded.length > 0 && (
              <Alert
                type="info"
                showIcon
                message={t('meetings.check.excluded', {
                  names: listOf(
                    t,
                    report.excluded.map((p) => p.displayName),
                  ),
                })}
              />
            )}
            <Typography.Text type="secondary">{t('meetings.check.seats', { count: report.seats })}</Typography.Text>
          </Space>
        )}
      </Spin>
    </Card>
  );
}
