// /official-documents/register — the office's 发文登记簿 (every 序号 of a 代字 and year: used, reserved, void, who and
// when, the 公文 it went to when the viewer may read it), with reserving and voiding, and the unit's 发文设置
// (发文机关标志 and 代字, which the office sets). Cards and a list, so that it reads on a phone as on a desktop.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import {
  issuingApi,
  registerApi,
  type IssuingSetting,
  type NumberRegister,
  type RegisterEntry,
} from '../../api/officialDocAttachments.ts';
import { useUnits } from '../../components/useUnits.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import './officialDocs.css';

const STATUS_COLOR: Record<RegisterEntry['status'], string> = { used: 'green', reserved: 'blue', void: 'default' };

function RegisterRow({ entry, onVoid }: { entry: RegisterEntry; onVoid: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const doc = entry.document;
  return (
    <List.Item
      data-testid="register-row"
      actions={
        entry.status === 'reserved'
          ? [
              <Popconfirm
                key="void"
                title={
                  <Input
                    placeholder={t('issuing.register.voidReason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                }
                okButtonProps={{ disabled: !reason.trim() }}
                onConfirm={() => onVoid(reason.trim())}
              >
                <Button danger>{t('issuing.register.void')}</Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Flex vertical gap={2}>
        <Space wrap>
          <Typography.Text strong>{entry.text}</Typography.Text>
          <Tag color={STATUS_COLOR[entry.status]}>{t(`issuing.register.status.${entry.status}`)}</Tag>
        </Space>
        {doc && (
          <Typography.Text>
            {doc.id && doc.title ? (
              <Link to={`/official-documents/${encodeURIComponent(doc.id)}`}>{doc.title}</Link>
            ) : (
              <Typography.Text type="secondary">{t('issuing.register.hidden')}</Typography.Text>
            )}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {`${entry.by.name} · ${new Date(entry.updatedAt).toLocaleString()}${entry.note ? ` · ${entry.note}` : ''}`}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

function SettingsCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [setting, setSetting] = useState<IssuingSetting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setSetting(null);
    issuingApi.get(unitId).then(
      (s) => {
        setSetting(s);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [unitId]);

  const save = async (v: { issuerMark: string; numberPrefix: string }) => {
    setSaving(true);
    try {
      setSetting(
        await issuingApi.put(unitId, { issuerMark: v.issuerMark.trim(), numberPrefix: v.numberPrefix.trim() }),
      );
      message.success(t('issuing.settings.saved'));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  if (error) return <Alert type="info" showIcon title={errorMessage(t, error)} />;
  if (!setting) return null;
  const office = setting.officeCandidates.find((u) => u.id === setting.effective.officeUnitId)?.name ?? '';
  return (
    <Card size="small" title={t('issuing.settings.title')} data-testid="issuing-settings">
      <Typography.Paragraph type="secondary">
        {t('issuing.settings.effective', {
          mark: setting.effective.issuerMark,
          prefix: setting.effective.numberPrefix,
          office: setting.effective.printingUnit || office,
        })}
        <br />
        {t('issuing.settings.marksByOffice')}
      </Typography.Paragraph>
      {setting.mayEditMarks && (
        <Form
          key={setting.updatedAt ?? 'none'}
          layout="vertical"
          initialValues={{ issuerMark: setting.effective.issuerMark, numberPrefix: setting.effective.numberPrefix }}
          onFinish={(v: { issuerMark: string; numberPrefix: string }) => void save(v)}
        >
          <Form.Item name="issuerMark" label={t('issuing.settings.issuerMark')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="numberPrefix" label={t('issuing.settings.numberPrefix')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('issuing.settings.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function NumberRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useActiveSession();
  const { units } = useUnits();
  const [unitId, setUnitId] = useState(user.unitId);
  const [series, setSeries] = useState<{ prefix?: string; year?: number }>({});
  const [register, setRegister] = useState<NumberRegister | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    try {
      setRegister(await registerApi.list({ unitId, ...series }));
      setError(null);
    } catch (err) {
      setRegister(null);
      setError(err);
    }
  }, [unitId, series]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await load();
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  const seriesKey = register ? `${register.prefix}|${register.year}` : undefined;
  return (
    <div className="tb-od-list">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <div>
          <Link to="/official-documents">
            <ArrowLeftOutlined /> {t('issuing.register.back')}
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('issuing.register.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('issuing.register.subtitle')}</Typography.Text>
        </div>
      </Flex>
      <Flex gap={8} wrap style={{ margin: '12px 0' }}>
        <Select
          style={{ minWidth: 200 }}
          aria-label={t('issuing.register.unit')}
          value={unitId}
          showSearch
          optionFilterProp="label"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v: string) => {
            setUnitId(v);
            setSeries({});
          }}
        />
        {register && (
          <Select
            style={{ minWidth: 200 }}
            aria-label={`${t('issuing.register.prefix')} / ${t('issuing.register.year')}`}
            value={seriesKey}
            options={register.series.map((s) => ({
              value: `${s.prefix}|${s.year}`,
              label: `${s.prefix}〔${s.year}〕`,
            }))}
            onChange={(v: string) => {
              const [prefix, year] = v.split('|');
              setSeries({ prefix: prefix!, year: Number(year) });
            }}
          />
        )}
      </Flex>
      {error !== null && (
        <Alert type="error" showIcon title={t('issuing.register.loadFailed', { message: errorMessage(t, error) })} />
      )}
      {register && (
        <Card size="small" data-testid="number-register">
          <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
            <Input
              placeholder={t('issuing.register.reserveNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              onClick={() =>
                void act(async () => {
                  const r = await registerApi.reserve(unitId, note.trim());
                  setNote('');
                  message.info(t('issuing.register.reserved', { text: r.text }));
                }, t('issuing.register.reserve'))
              }
            >
              {t('issuing.register.reserve')}
            </Button>
          </Space.Compact>
          <List
            dataSource={register.items}
            locale={{ emptyText: t('issuing.register.empty') }}
            renderItem={(entry) => (
              <RegisterRow
                entry={entry}
                onVoid={(reason) =>
                  void act(
                    () =>
                      registerApi.void({
                        unitId,
                        prefix: register.prefix,
                        year: register.year,
                        seq: entry.seq,
                        note: reason,
                      }),
                    t('issuing.register.voided'),
                  )
                }
              />
            )}
          />
        </Card>
      )}
      <div style={{ marginTop: 12 }}>
        <SettingsCard unitId={unitId} />
      </div>
    </div>
  );
}
