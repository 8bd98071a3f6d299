// Switches microphone or camera during the meeting (the new device's track replaces the old one in its producer).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Popover, Select, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { MeetingClient } from '../media/MeetingClient.ts';

export function DeviceMenu({ client }: { client: MeetingClient }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const options = (kind: MediaDeviceKind) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  const content = (
    <Flex vertical gap={12} style={{ width: 280 }}>
      <div>
        <Typography.Text type="secondary">{t('meetingRoom.prejoin.microphone')}</Typography.Text>
        <Select
          style={{ width: '100%' }}
          options={options('audioinput')}
          placeholder={t('meetingRoom.prejoin.microphone')}
          onChange={(id: string) => void client.switchDevice('mic', id)}
        />
      </div>
      <div>
        <Typography.Text type="secondary">{t('meetingRoom.prejoin.camera')}</Typography.Text>
        <Select
          style={{ width: '100%' }}
          options={options('videoinput')}
          placeholder={t('meetingRoom.prejoin.camera')}
          onChange={(id: string) => void client.switchDevice('camera', id)}
        />
      </div>
    </Flex>
  );
  return (
    <Popover
      content={content}
      trigger="click"
      onOpenChange={(open) => {
        if (open) void navigator.mediaDevices.enumerateDevices().then(setDevices);
      }}
    >
      <Button size="large" shape="round" icon={<SettingOutlined />}>
        {t('meetingRoom.controls.devices')}
      </Button>
    </Popover>
  );
}
