// Where the room screen's QR code leads: signs the person in with the code it carries, and says how it went, naming
// the meeting (title, time and room) so that nobody wonders which meeting they signed in to.
import { Button, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { meetingsApi, type MeetingDetail, type SignInOutcome } from '../../../api/meetings.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { fullRange, inZone } from '../time.ts';
import '../meetings.css';

export default function SignInLandingPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<SignInOutcome | null>(null);
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sent = useRef(false);
  const code = params.get('code') ?? '';

  useEffect(() => {
    // Once per visit, also under React's development double effects: a second call would only answer "already".
    if (sent.current) return;
    sent.current = true;
    meetingsApi.signIn(id, code || undefined).then(setOutcome, (err: unknown) => setProblem(meetingErrorText(t, err)));
  }, [id, code, t]);

  useEffect(() => {
    // Only the title, time and room: the sign-in itself never waits for this, nor fails with it.
    meetingsApi.get(id).then(setMeeting, () => setMeeting(null));
  }, [id]);

  const about = meeting && (
    <div className="tb-signin-landing__meeting" data-testid="sign-in-meeting">
      <Typography.Title level={4} data-testid="sign-in-meeting-title">
        {meeting.title}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="sign-in-meeting-time">
        {fullRange(meeting.startAt, meeting.endAt, meeting.timeZone)}
        {meeting.room ? ` · ${meeting.room.name}` : ''}
      </Typography.Text>
    </div>
  );
  const back = (
    <Link to={`/meetings/${id}`}>
      <Button type="primary" size="large">
        {t('meetings.signIn.toMeeting')}
      </Button>
    </Link>
  );
  return (
    <div className="tb-signin-landing" data-testid="sign-in-landing">
      {outcome ? (
        <Result
          status={outcome.state === 'late' ? 'warning' : 'success'}
          title={outcome.state === 'late' ? t('meetings.signIn.late') : t('meetings.signIn.present')}
          subTitle={
            <>
              {about}
              <div>
                {t('meetings.signIn.signedInAt', {
                  time: inZone(outcome.signedInAt, meeting?.timeZone).format('HH:mm'),
                })}
              </div>
            </>
          }
          extra={back}
          data-testid="sign-in-result"
          data-state={outcome.state}
        />
      ) : problem ? (
        <Result
          status="error"
          title={t('meetings.signIn.failed')}
          subTitle={
            <>
              {about}
              <div>{`${problem} ${t('meetings.signIn.retry')}`}</div>
            </>
          }
          extra={back}
        />
      ) : (
        <Result icon={<Spin size="large" />} title={t('meetings.signIn.signingIn')} />
      )}
    </div>
  );
}
