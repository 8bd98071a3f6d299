// The room screen during sign-in (签到屏): a QR code that changes every 30 seconds (a signed, short-lived token from
// the server) and the live count of who has signed in. Full screen, for the display at the front of the room.
import { Button, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { meetingsApi, type AttendanceSummary, type MeetingDetail, type SignInCode } from '../../../api/meetings.ts';
import { realtime } from '../../../realtime/connection.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { fullRange } from '../time.ts';
import '../meetings.css';

/**
 * The code changes every 30 seconds on the server's clock and is accepted for up to a minute. Asking every 10 seconds
 * keeps the code on the screen fresh without having to agree with the server on what time it is.
 */
const REFRESH_MS = 10_000;

export default function SignInScreenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [code, setCode] = useState<SignInCode | null>(null);
  const [summary, setSummary] = useState<AttendanceSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    try {
      const next = await meetingsApi.signInCode(id);
      setCode((current) => (current?.code === next.code ? current : next));
      setProblem(null);
    } catch (err) {
      setCode(null);
      setProblem(meetingErrorText(t, err));
    } finally {
      if (alive.current) timer.current = setTimeout(() => void refresh(), REFRESH_MS);
    }
  }, [id, t]);

  useEffect(() => {
    alive.current = true;
    meetingsApi.get(id).then(
      (m) => {
        setMeeting(m);
        setSummary(m.attendanceSummary);
      },
      (err: unknown) => setProblem(meetingErrorText(t, err)),
    );
    void refresh();
    const unwatch = realtime.watchMeeting(id);
    const off = realtime.on('meeting:attendance', (e) => e.meetingId === id && setSummary(e.summary));
    return () => {
      alive.current = false;
      unwatch();
      off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [id, refresh, t]);

  const signed = summary ? summary.counts.present + summary.counts.late : 0;
  return (
    <div className="tb-signin-screen" data-testid="sign-in-screen">
      <Button className="tb-signin-screen__exit" onClick={() => navigate(`/meetings/${id}`)}>
        {t('meetings.signIn.exitScreen')}
      </Button>
      {meeting && (
        <div className="tb-signin-screen__head">
          <Typography.Title level={1}>{meeting.title}</Typography.Title>
          <Typography.Text className="tb-signin-screen__time">
            {fullRange(meeting.startAt, meeting.endAt, meeting.timeZone)}
            {meeting.room ? ` · ${meeting.room.name}` : ''}
          </Typography.Text>
        </div>
      )}
      {/* The code beside its instructions and the count on a landscape screen, above them on a portrait one: either
          way the whole screen fits 1280×720 without scrolling (and scrolls rather than cuts off on anything smaller). */}
      <div className="tb-signin-screen__body">
        {code ? (
          <img
            className="tb-signin-screen__qr"
            src={code.qr}
            alt={t('meetings.signIn.screenTitle')}
            data-testid="sign-in-qr"
            data-sign-in-url={code.url}
          />
        ) : problem ? (
          <Result status="info" title={t('meetings.signIn.screenClosed')} subTitle={problem} />
        ) : (
          <Spin size="large" />
        )}
        <div className="tb-signin-screen__side">
          {code && (
            <>
              <Typography.Title level={2}>{t('meetings.signIn.screenTitle')}</Typography.Title>
              <Typography.Text>{t('meetings.signIn.screenHint')}</Typography.Text>
              <Typography.Text type="secondary">{t('meetings.signIn.screenRefresh')}</Typography.Text>
            </>
          )}
          {summary && (
            <div className="tb-signin-screen__count" data-testid="screen-count">
              {t('meetings.signIn.screenCounts', { signed, total: summary.counts.total })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
