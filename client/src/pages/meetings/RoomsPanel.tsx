// The rooms: when each is taken on a day (titles only of meetings I may see), and the catalogue for clerks.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ROOM_EQUIPMENT, roomsApi, type Availability, type NewRoom } from '../../api/meetings.ts';
import { useSession } from '../../session/sessionContext.ts';
import { meetingErrorText } from './meetingErrorText.ts';
import { timeRange, todayIn } from './time.ts';

export function RoomsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [date, setDate] = useState(todayIn());
  const [data, setData] = useState<Availability | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await roomsApi.availability({ date, view: 'day' }));
    } catch (err) {
      message.error(meetingErrorText(t, err));
    }
  }, [date, message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const retire = async (id: string) => {
    try {
      await roomsApi.update(id, { active: false });
      await load();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    }
  };

  return (
    <div>
      <div className="tb-meetings-toolbar">
        <Typography.Text strong>{t('meetings.rooms.availability')}</Typography.Text>
        <Space wrap>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
          {can('room.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('meetings.rooms.add')}
            </Button>
          )}
        </Space>
      </div>
      {!data ? (
        <Spin />
      ) : data.rooms.length === 0 ? (
        <Card>
          <Empty description={t('meetings.rooms.none')} />
        </Card>
      ) : (
        <div className="tb-room-grid">
          {data.rooms.map(({ room, bookings }) => (
            <Card
              key={room.id}
              size="small"
              title={room.name}
              extra={<Tag>{t('meetings.detail.participantsCount', { count: room.capacity })}</Tag>}
              data-testid="room-card"
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {[room.location, ...room.equipment.map((e) => (isEquipment(e) ? t(`meetings.equipment.${e}`) : e))]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Paragraph>
              {bookings.length === 0 ? (
                <Tag color="green">{t('meetings.rooms.free')}</Tag>
              ) : (
                <ul className="tb-room-bookings">
                  {bookings.map((b) => (
                    <li key={`${b.startAt}-${b.endAt}`}>
                      {b.meetingId ? (
                        <Link to={`/meetings/${b.meetingId}`}>
                          {t('meetings.rooms.busy', { time: timeRange(b.startAt, b.endAt), title: b.title })}
                        </Link>
                      ) : (
                        t('meetings.rooms.busyUntitled', {
                          time: timeRange(b.startAt, b.endAt),
                          unit: b.organiserUnitName ?? '',
                        })
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {can('room.manage') && (
                <Popconfirm title={t('meetings.rooms.retire')} onConfirm={() => retire(room.id)}>
                  <Button type="link" danger>
                    {t('meetings.rooms.retire')}
                  </Button>
                </Popconfirm>
              )}
            </Card>
          ))}
        </div>
      )}
      <AddRoomModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          void load();
        }}
      />
    </div>
  );
}

const isEquipment = (e: string): e is (typeof ROOM_EQUIPMENT)[number] =>
  (ROOM_EQUIPMENT as readonly string[]).includes(e);

function AddRoomModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewRoom>();
  const [saving, setSaving] = useState(false);
  const submit = async (values: NewRoom) => {
    setSaving(true);
    try {
      await roomsApi.create(values);
      message.success(t('meetings.rooms.created'));
      form.resetFields();
      onCreated();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('meetings.rooms.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ capacity: 20, equipment: [] }}>
        <Form.Item
          name="name"
          label={t('meetings.rooms.name')}
          rules={[{ required: true, whitespace: true, message: t('meetings.rooms.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.rooms.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="capacity" label={t('meetings.rooms.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="equipment" label={t('meetings.rooms.equipment')}>
          <Checkbox.Group
            className="tb-touch-options"
            options={ROOM_EQUIPMENT.map((e) => ({ value: e, label: t(`meetings.equipment.${e}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
