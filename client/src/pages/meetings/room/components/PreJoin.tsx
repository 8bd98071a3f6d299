// Before joining: pick the microphone and camera, see the camera preview, choose what is on when entering, and
// give the passcode when the server asks for it (people outside the participant list).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { AudioOutlined, VideoCameraOutlined } from '@ant-design/icons';

export interface JoinChoice {
  micDeviceId: string | null;
  cameraDeviceId: string | null;
  micOn: boolean;
  cameraOn: boolean;
  passcode: string | undefined;
}

interface Props {
  title: string | null;
  askPasscode: boolean;
  error: string | null;
  joining: boolean;
  onJoin(choice: JoinChoice): void;
}

function devicesOf(list: MediaDeviceInfo[], kind: MediaDeviceKind) {
  return list
    .filter((d) => d.kind === kind && d.deviceId !== '')
    .map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
}

export function PreJoin({ title, askPasscode, error, joining, onJoin }: Props) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [micId, setMicId] = useState<string | null>(null);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [passcode, setPasscode] = useState('');
  const [previewError, setPreviewError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  // The preview asks for both devices once (so their names become readable), then follows the choices.
  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const wantVideo = cameraOn;
    const constraints: MediaStreamConstraints = {
      audio: micId ? { deviceId: { exact: micId } } : true,
      video: wantVideo ? (cameraId ? { deviceId: { exact: cameraId } } : true) : false,
    };
    navigator.mediaDevices.getUserMedia(constraints).then(
      async (s) => {
        if (cancelled) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        setPreviewError(null);
        if (video.current) video.current.srcObject = wantVideo ? s : null;
        const list = await navigator.mediaDevices.enumerateDevices();
        if (!cancelled) setDevices(list);
      },
      (err: unknown) => {
        if (!cancelled) setPreviewError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [micId, cameraId, cameraOn]);

  const mics = devicesOf(devices, 'audioinput');
  const cameras = devicesOf(devices, 'videoinput');

  return (
    <div className="mr-centre">
      <Card style={{ width: '100%', maxWidth: 560 }} data-testid="prejoin">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title ?? t('meetingRoom.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('meetingRoom.prejoin.heading')}</Typography.Paragraph>
        <div className="mr-preview" style={{ marginBottom: 16 }}>
          <video ref={video} autoPlay playsInline muted />
          {!cameraOn && <Flex className="mr-tile__avatar">{t('meetingRoom.prejoin.previewOff')}</Flex>}
        </div>
        {previewError && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('meetingRoom.prejoin.previewFailed', { message: previewError })}
          />
        )}
        <Form
          layout="vertical"
          onFinish={() =>
            onJoin({
              micDeviceId: micId,
              cameraDeviceId: cameraId,
              micOn,
              cameraOn,
              passcode: askPasscode ? passcode : undefined,
            })
          }
        >
          <Form.Item label={t('meetingRoom.prejoin.microphone')}>
            <Flex gap={12} align="center">
              <Select
                style={{ flex: 1 }}
                options={mics}
                value={micId ?? mics[0]?.value ?? null}
                onChange={setMicId}
                notFoundContent={t('meetingRoom.prejoin.noDevice')}
                suffixIcon={<AudioOutlined />}
              />
              <Switch checked={micOn} onChange={setMicOn} aria-label={t('meetingRoom.prejoin.micOn')} />
            </Flex>
          </Form.Item>
          <Form.Item label={t('meetingRoom.prejoin.camera')}>
            <Flex gap={12} align="center">
              <Select
                style={{ flex: 1 }}
                options={cameras}
                value={cameraId ?? cameras[0]?.value ?? null}
                onChange={setCameraId}
                notFoundContent={t('meetingRoom.prejoin.noDevice')}
                suffixIcon={<VideoCameraOutlined />}
              />
              <Switch checked={cameraOn} onChange={setCameraOn} aria-label={t('meetingRoom.prejoin.cameraOn')} />
            </Flex>
          </Form.Item>
          {askPasscode && (
            <Form.Item label={t('meetingRoom.prejoin.passcode')} extra={t('meetingRoom.prejoin.passcodeHint')}>
              <Input
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                value={passcode}
                onChange={(e) => setPasscode(e.target.value.replace(/\D/g, ''))}
                data-testid="passcode"
              />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="join-error" />}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={joining}
            disabled={askPasscode && passcode.length < 4}
          >
            {joining ? t('meetingRoom.prejoin.joining') : t('meetingRoom.prejoin.join')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
