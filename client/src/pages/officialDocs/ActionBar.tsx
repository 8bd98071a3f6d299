// The actions the server says the person may take on the 公文 now (the detail's `actions`), as large buttons: approve
// or sign off with an opinion (OpinionModal: typed, or by hand with the stylus), return with a reason to the drafter or
// an earlier step, withdraw, 加签, 转办, 编号, 用印 with a seal the person holds, and downloads. 送审 opens the route form.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type OfficialDoc, type RouteActionName } from '../../api/officialDocs.ts';
import { PeoplePicker } from './PeoplePicker.tsx';
import { OpinionModal } from './OpinionModal.tsx';
import { SubmitRouteModal } from './SubmitRouteModal.tsx';

type Dialog = 'approve' | 'signOff' | 'return' | 'addCountersigner' | 'transfer' | 'seal' | 'submit' | 'urge' | null;

/** The actions shown as buttons, in this order ('open' happens by itself, 'edit' is the fields form). */
const BUTTONS: RouteActionName[] = [
  'submit',
  'approve',
  'signOff',
  'return',
  'withdraw',
  'addCountersigner',
  'transfer',
  'number',
  'seal',
];

export function ActionBar({
  doc,
  onChanged,
  beforeAct,
}: {
  doc: OfficialDoc;
  onChanged: (doc: OfficialDoc) => void | Promise<void>;
  /** Waits until the 正文's last changes have reached the server (a submission sends what is on screen). */
  beforeAct: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const shown = BUTTONS.filter((a) => doc.actions.includes(a));
  // 催办 is for whoever sent it on its way (the drafter, the sender, the office) while it waits; the server decides.
  const mayUrge =
    doc.status === 'in_route' && doc.myRoles.some((r) => r === 'drafter' || r === 'sender' || r === 'office');

  const act = async (run: () => Promise<OfficialDoc>) => {
    setBusy(true);
    try {
      await beforeAct();
      await onChanged(await run());
      setDialog(null);
      return true;
    } catch (err) {
      message.error(errorMessage(t, err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const button = (action: RouteActionName) => {
    const label = t(`officialDocs.actions.${action as Exclude<RouteActionName, 'open'>}`);
    const primary = action === 'approve' || action === 'signOff' || action === 'submit';
    if (action === 'withdraw' || action === 'number')
      return (
        <Popconfirm
          key={action}
          title={t(
            action === 'withdraw' ? 'officialDocs.actions.withdrawConfirm' : 'officialDocs.actions.numberConfirm',
          )}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            void act(() =>
              action === 'withdraw'
                ? officialDocsApi.step(doc.id, { action: 'withdraw' })
                : officialDocsApi.number(doc.id),
            )
          }
        >
          <Button size="large" loading={busy} data-testid={`action-${action}`}>
            {label}
          </Button>
        </Popconfirm>
      );
    return (
      <Button
        key={action}
        size="large"
        type={primary ? 'primary' : 'default'}
        danger={action === 'return'}
        onClick={() => setDialog(action as Dialog)}
        data-testid={`action-${action}`}
      >
        {label}
      </Button>
    );
  };

  return (
    <Flex vertical gap={8} data-testid="actions">
      {shown.length > 0 || mayUrge ? (
        <Flex gap={8} wrap className="tb-od-actions">
          {shown.map(button)}
          {mayUrge && (
            <Button size="large" onClick={() => setDialog('urge')} data-testid="action-urge">
              {t('officialDocs.urge.button')}
            </Button>
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('officialDocs.actions.none')}</Typography.Text>
      )}
      <Flex gap={8} wrap>
        {(['pdf', 'docx'] as const).map((format) => (
          <Button
            key={format}
            size="large"
            icon={<DownloadOutlined />}
            href={officialDocsApi.exportUrl(doc.id, format)}
            download
            data-testid={`download-${format}`}
          >
            {t(format === 'pdf' ? 'officialDocs.page.downloadPdf' : 'officialDocs.page.downloadDocx')}
          </Button>
        ))}
      </Flex>
      <OpinionModal
        open={dialog === 'approve' || dialog === 'signOff'}
        signOff={dialog === 'signOff'}
        opinionKind={doc.route.steps[doc.route.current]?.opinion ?? 'review'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(given) =>
          act(() =>
            dialog === 'signOff'
              ? officialDocsApi.signOff(doc.id, given)
              : officialDocsApi.step(doc.id, { action: 'approve', ...given }),
          )
        }
      />
      <ReturnModal
        open={dialog === 'return'}
        doc={doc}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(reason, to) => act(() => officialDocsApi.step(doc.id, { action: 'return', reason, to }))}
      />
      <PeopleModal
        open={dialog === 'addCountersigner' || dialog === 'transfer'}
        multiple={dialog === 'addCountersigner'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(ids) =>
          act(() =>
            dialog === 'addCountersigner'
              ? officialDocsApi.step(doc.id, { action: 'addCountersigner', userIds: ids })
              : officialDocsApi.step(doc.id, { action: 'transfer', toUserId: ids[0]! }),
          )
        }
      />
      <SealModal
        open={dialog === 'seal'}
        unitId={doc.unitId}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(sealId) => act(() => officialDocsApi.seal(doc.id, sealId))}
      />
      <UrgeModal
        open={dialog === 'urge'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={async (text) => {
          setBusy(true);
          try {
            const { notified } = await officialDocsApi.urge(doc.id, text);
            message.success(t('officialDocs.urge.sent', { count: notified }));
            setDialog(null);
          } catch (err) {
            message.error(errorMessage(t, err));
          } finally {
            setBusy(false);
          }
        }}
      />
      <SubmitRouteModal
        open={dialog === 'submit'}
        doc={doc}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(submission) => act(() => officialDocsApi.submit(doc.id, submission))}
      />
    </Flex>
  );
}

function ReturnModal({
  open,
  doc,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  doc: OfficialDoc;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string, to: 'drafter' | number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; to: string }>();
  const earlier = doc.route.steps
    .map((s, index) => ({ s, index }))
    .filter(({ s, index }) => index < doc.route.current && s.state === 'done');
  return (
    <Modal
      open={open}
      title={t('officialDocs.returnForm.title')}
      okText={t('officialDocs.returnForm.submit')}
      okButtonProps={{ danger: true, loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ to: 'drafter' }}
        onFinish={(v) => void onSubmit(v.reason.trim(), v.to === 'drafter' ? 'drafter' : Number(v.to))}
      >
        <Form.Item name="to" label={t('officialDocs.returnForm.to')}>
          <Select
            options={[
              { value: 'drafter', label: t('officialDocs.returnForm.toDrafter', { name: doc.drafter.name }) },
              ...earlier.map(({ s, index }) => ({ value: String(index), label: s.name })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('officialDocs.returnForm.reason')}
          rules={[{ required: true, whitespace: true, message: t('officialDocs.returnForm.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PeopleModal({
  open,
  multiple,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  multiple: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (userIds: string[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    if (open) setIds([]);
  }, [open]);
  return (
    <Modal
      open={open}
      title={multiple ? t('officialDocs.people.addTitle') : t('officialDocs.people.transferTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: ids.length === 0, loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onCancel}
      onOk={() => void onSubmit(ids)}
      destroyOnHidden
    >
      <PeoplePicker value={ids} onChange={setIds} multiple={multiple} ariaLabel={t('officialDocs.people.pick')} />
    </Modal>
  );
}

function SealModal({
  open,
  unitId,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  unitId: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (sealId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [seals, setSeals] = useState<Array<{ id: string; name: string }> | null>(null);
  const [sealId, setSealId] = useState<string | undefined>();
  useEffect(() => {
    if (!open) return;
    officialDocsApi.usableSeals(unitId).then(
      ({ items }) => {
        setSeals(items);
        setSealId(items[0]?.id);
      },
      (err: unknown) => message.error(errorMessage(t, err)),
    );
  }, [open, unitId, message, t]);
  return (
    <Modal
      open={open}
      title={t('officialDocs.sealForm.title')}
      okText={t('officialDocs.sealForm.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !sealId, loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onCancel}
      onOk={() => sealId && void onSubmit(sealId)}
      destroyOnHidden
    >
      {seals !== null && seals.length === 0 ? (
        <Typography.Text type="warning">{t('officialDocs.sealForm.none')}</Typography.Text>
      ) : (
        <Select
          className="tb-od-wide"
          size="large"
          value={sealId}
          onChange={setSealId}
          loading={seals === null}
          aria-label={t('officialDocs.sealForm.seal')}
          options={(seals ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
    </Modal>
  );
}

function UrgeModal({
  open,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ message: string }>();
  return (
    <Modal
      open={open}
      title={t('officialDocs.urge.title')}
      okText={t('officialDocs.urge.button')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onSubmit(v.message.trim())}>
        <Form.Item
          name="message"
          label={t('officialDocs.urge.message')}
          rules={[{ required: true, whitespace: true, message: t('officialDocs.urge.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            placeholder={t('officialDocs.urge.placeholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
