// 安排会议: the scheduling form. While the organiser fills it in, the room's day and the clash check (room taken,
// participants busy, people not cleared) show beside it; clashes may be accepted, the room may not.
import { App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/http.ts';
import {
  MEETING_MODES,
  MEETING_TYPES,
  meetingsApi,
  roomsApi,
  type Availability,
  type NewMeeting,
  type Room,
  type ScheduleOutcome,
} from '../../../api/meetings.ts';
import { CLASSIFICATIONS, type Classification } from '../../../api/types.ts';
import { clearanceLabel } from '../../../components/labels.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { modeLabel, typeLabel } from '../meetingLabels.tsx';
import { shiftDate, timeRange, todayIn, toInstant } from '../time.ts';
import { AgendaFields, type AgendaRow } from './AgendaFields.tsx';
import { ClashPanel, useClashCheck } from './ClashPanel.tsx';
import { PeopleFields, type PersonRow, type UnitRow } from './PeopleFields.tsx';
import { ScheduledModal } from './ScheduledModal.tsx';
import '../meetings.css';
import { listOf } from '../../../i18n/punctuation.ts';
import { notPastDate } from './dateRule.ts';

export interface MeetingFormValues {
  title: string;
  type: NewMeeting['type'];
  customType?: string;
  classification: Classification;
  mode: NewMeeting['mode'];
  /** 全体会议/宣讲会: only the host and the speakers they name send media (online or hybrid). */
  plenary?: boolean;
  date: string;
  startTime: string;
  endTime: string;
  roomId?: string | null;
  hostId?: string | null;
  minuteTakerId?: string | null;
  description?: string;
  people: PersonRow[];
  units: UnitRow[];
  agenda: AgendaRow[];
  reminders: number[];
}

const REMINDERS = [1440, 120, 15] as const;

/** The form's values as the API wants them (instants with offsets on the meeting's wall clock). */
export function toRequest(v: MeetingFormValues): NewMeeting {
  const at = (time: string | undefined) => (time ? toInstant(v.date, time) : null);
  return {
    title: v.title.trim(),
    type: v.type,
    customType: v.type === 'custom' ? v.customType?.trim() || null : null,
    description: v.description ?? '',
    classification: v.classification,
    mode: v.mode,
    plenary: v.mode !== 'in_room' && (v.plenary ?? false),
    roomId: v.mode === 'online' ? null : (v.roomId ?? null),
    startAt: toInstant(v.date, v.startTime),
    endAt: toInstant(v.date, v.endTime),
    hostId: v.hostId ?? null,
    minuteTakerId: v.minuteTakerId ?? null,
    agenda: (v.agenda ?? [])
      .filter((a) => a.title?.trim())
      .map((a) => ({
        title: a.title.trim(),
        presenterId: a.presenterId ?? null,
        startAt: at(a.startTime),
        endAt: at(a.endTime),
      })),
    participants: {
      users: (v.people ?? [])
        .filter((p): p is PersonRow & { userId: string } => Boolean(p.userId))
        .map((p) => ({ userId: p.userId, role: p.role })),
      units: (v.units ?? [])
        .filter((u): u is UnitRow & { unitId: string } => Boolean(u.unitId))
        .map((u) => ({ unitId: u.unitId, role: u.role })),
    },
    reminderMinutes: v.reminders,
  };
}

export default function MeetingFormPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<MeetingFormValues>();
  const values = Form.useWatch([], form) as MeetingFormValues | undefined;
  const [rooms, setRooms] = useState<Room[]>([]);
  const [day, setDay] = useState<Availability | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<ScheduleOutcome | null>(null);
  const check = useClashCheck(values);

  useEffect(() => {
    roomsApi.list().then(
      (r) => setRooms(r.items),
      (err: unknown) => message.error(meetingErrorText(t, err)),
    );
  }, [message, t]);

  const date = values?.date;
  useEffect(() => {
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    roomsApi
      .availability({ date, view: 'day' })
      .then(setDay, (err: unknown) => message.error(meetingErrorText(t, err)));
  }, [date, message, t]);

  const roomDay = useMemo(
    () => day?.rooms.find((r) => r.room.id === values?.roomId)?.bookings ?? [],
    [day, values?.roomId],
  );

  const send = async (schedule: boolean, acceptClashes = false): Promise<void> => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      setOutcome(await meetingsApi.create({ ...toRequest(v), schedule, acceptClashes }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'participant_clash' && !acceptClashes) {
        confirmClashes(() => send(schedule, true));
        return;
      }
      message.error(meetingErrorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  const confirmClashes = (proceed: () => Promise<void>) => {
    modal.confirm({
      title: t('meetings.check.proceedTitle'),
      content: t('meetings.check.proceedBody'),
      okText: t('meetings.check.proceed'),
      onOk: proceed,
    });
  };

  const submit = () => {
    if (check.report && check.report.clashes.length > 0) confirmClashes(() => send(true, true));
    else void send(true);
  };

  return (
    <div className="tb-page">
      <Typography.Title level={3} className="tb-page-title">
        {t('meetings.form.title')}
      </Typography.Title>
      <Form<MeetingFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          type: 'zhuanti',
          classification: 'internal',
          mode: 'in_room',
          date: shiftDate(todayIn(), 'day', 1),
          startTime: '09:00',
          endTime: '10:00',
          people: [],
          units: [],
          agenda: [{ title: '' }],
          reminders: [1440, 15],
        }}
      >
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Card title={t('meetings.form.basics')} className="tb-form-card">
              <Form.Item
                name="title"
                label={t('meetings.form.meetingTitle')}
                rules={[{ required: true, whitespace: true, message: t('meetings.form.meetingTitleRequired') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="type" label={t('meetings.form.type')}>
                    <Select options={MEETING_TYPES.map((type) => ({ value: type, label: typeLabel(t, type) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  {values?.type === 'custom' ? (
                    <Form.Item
                      name="customType"
                      label={t('meetings.form.customType')}
                      rules={[{ required: true, whitespace: true, message: t('meetings.form.customTypeRequired') }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  ) : (
                    <Form.Item name="classification" label={t('meetings.form.classification')}>
                      <Select options={CLASSIFICATIONS.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
                    </Form.Item>
                  )}
                </Col>
              </Row>
              {values?.type === 'custom' && (
                <Form.Item name="classification" label={t('meetings.form.classification')}>
                  <Select options={CLASSIFICATIONS.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
                </Form.Item>
              )}
              <Form.Item name="mode" label={t('meetings.form.mode')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  className="tb-touch-options"
                  options={MEETING_MODES.map((m) => ({ value: m, label: modeLabel(t, m) }))}
                />
              </Form.Item>
              {values?.mode !== 'in_room' && (
                <Form.Item
                  name="plenary"
                  valuePropName="checked"
                  extra={t('meetings.form.plenaryHint')}
                  data-testid="plenary-field"
                >
                  <Checkbox data-testid="plenary">{t('meetings.form.plenary')}</Checkbox>
                </Form.Item>
              )}
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item
                    name="date"
                    label={t('meetings.form.date')}
                    rules={[{ required: true, message: t('meetings.form.timeRequired') }, notPastDate(t)]}
                  >
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={7}>
                  <Form.Item
                    name="startTime"
                    label={t('meetings.form.startTime')}
                    rules={[{ required: true, message: t('meetings.form.timeRequired') }]}
                  >
                    <Input type="time" step={300} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={7}>
                  <Form.Item
                    name="endTime"
                    label={t('meetings.form.endTime')}
                    rules={[{ required: true, message: t('meetings.form.timeRequired') }]}
                  >
                    <Input type="time" step={300} />
                  </Form.Item>
                </Col>
              </Row>
              {values?.mode !== 'online' && (
                <Form.Item
                  name="roomId"
                  label={t('meetings.form.room')}
                  extra={
                    roomDay.length > 0
                      ? listOf(
                          t,
                          roomDay.map(
                            (b) => `${timeRange(b.startAt, b.endAt)} ${b.title ?? t('meetings.check.busyUntitled')}`,
                          ),
                          'semicolon',
                        )
                      : undefined
                  }
                >
                  <Select
                    allowClear
                    placeholder={t('meetings.form.roomPlaceholder')}
                    options={rooms.map((r) => ({
                      value: r.id,
                      label: t('meetings.form.roomCapacity', { name: r.name, capacity: r.capacity }),
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="description" label={t('meetings.form.description')}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </Card>
            <PeopleFields />
            <AgendaFields />
            <Card title={t('meetings.form.reminders')} className="tb-form-card">
              <Form.Item name="reminders" noStyle>
                <Checkbox.Group
                  className="tb-touch-options"
                  options={REMINDERS.map((m) => ({
                    value: m,
                    label: t(
                      m === 1440
                        ? 'meetings.form.reminderDay'
                        : m === 120
                          ? 'meetings.form.reminderTwoHours'
                          : 'meetings.form.reminderQuarter',
                    ),
                  }))}
                />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <div className="tb-form-aside">
              <ClashPanel check={check} />
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button
                  type="primary"
                  size="large"
                  block
                  htmlType="submit"
                  loading={saving}
                  data-testid="submit-meeting"
                >
                  {t('meetings.form.submit')}
                </Button>
                <Button size="large" block disabled={saving} onClick={() => void send(false)}>
                  {t('meetings.form.saveDraft')}
                </Button>
              </Space>
            </div>
          </Col>
        </Row>
      </Form>
      <ScheduledModal outcome={outcome} onClose={() => outcome && navigate(`/meetings/${outcome.id}`)} />
    </div>
  );
}
