// The panel beside (or, on a phone, below) the 正文: the actions, a return's reason, the 办文单, the format check, the
// route, the 公文's fields and its attachments — editable by the drafter while it is a draft. A format problem on a
// field focuses it.
import { Alert, App, Button, Card, Descriptions, Flex, Form } from 'antd';
import type { Editor } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type OfficialDoc } from '../../api/officialDocs.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { listOf } from '../../i18n/punctuation.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import { ActionBar } from './ActionBar.tsx';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { chineseDate, FormatCheckPanel } from './FormatCheckPanel.tsx';
import { fieldsBody, OfficialDocFieldItems, type FieldValues } from './OfficialDocFields.tsx';
import { disclosureName, kindName, urgencyName } from './officialDocLabels.tsx';
import { OpinionSheet } from './OpinionSheet.tsx';
import { RouteView } from './RouteView.tsx';
import { DistributionCard } from './DistributionCard.tsx';
import { IncomingCard } from './IncomingCard.tsx';
import { TrailCard } from './TrailCard.tsx';

const FORM = 'od-fields';
/** The format check's fields, as the record's. */
const RECORD_FIELD: Record<string, string> = {
  title: 'title',
  documentNumber: 'number',
  mainRecipients: 'mainRecipients',
  signers: 'signers',
  copyNumber: 'copyNumber',
  date: 'writtenOn',
  attachments: 'attachments',
};

function focusField(field: string): void {
  const name = RECORD_FIELD[field] ?? field;
  const el = document.getElementById(`${FORM}_${name}`) ?? document.getElementById(`od-field-${name}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  el.classList.add('tb-od-flash');
  setTimeout(() => el.classList.remove('tb-od-flash'), 1500);
}

export function OfficialDocPanel({
  doc,
  editor,
  onChanged,
  beforeAct,
}: {
  doc: OfficialDoc;
  editor: Editor;
  onChanged: (doc: OfficialDoc) => void | Promise<void>;
  beforeAct: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} className="tb-od-panel" data-testid="official-doc-panel">
      <Card size="small" title={t('officialDocs.actions.title')}>
        <ActionBar doc={doc} onChanged={onChanged} beforeAct={beforeAct} />
      </Card>
      {doc.route.returned && doc.status === 'draft' && (
        <Alert
          type="warning"
          showIcon
          title={t('officialDocs.page.returned', {
            name: doc.route.returned.by.name,
            reason: doc.route.returned.reason,
          })}
          data-testid="returned"
        />
      )}
      {doc.direction === 'incoming' && (
        <IncomingCard doc={doc} onChanged={async () => onChanged(await officialDocsApi.get(doc.id))} />
      )}
      <OpinionSheet opinions={doc.opinions} />
      <FormatCheckPanel doc={doc} editor={editor} onField={focusField} />
      <RouteView doc={doc} />
      <FieldsCard doc={doc} onChanged={onChanged} />
      <AttachmentsCard doc={doc} onChanged={async () => onChanged(await officialDocsApi.get(doc.id))} />
      <DistributionCard doc={doc} onChanged={async () => onChanged(await officialDocsApi.get(doc.id))} />
      <TrailCard doc={doc} />
    </Flex>
  );
}

function FieldsCard({ doc, onChanged }: { doc: OfficialDoc; onChanged: (doc: OfficialDoc) => void | Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useActiveSession();
  const [form] = Form.useForm<FieldValues>();
  const [saving, setSaving] = useState(false);
  const editable = doc.actions.includes('edit');

  const save = useCallback(
    async (values: FieldValues) => {
      setSaving(true);
      try {
        await onChanged(await officialDocsApi.update(doc.id, fieldsBody(values)));
        message.success(t('officialDocs.page.saved'));
      } catch (err) {
        message.error(errorMessage(t, err));
      } finally {
        setSaving(false);
      }
    },
    [doc.id, onChanged, message, t],
  );

  if (editable)
    return (
      <Card size="small" title={t('officialDocs.page.recordFields')}>
        <Descriptions
          size="small"
          column={1}
          className="tb-od-prefilled"
          items={[
            { key: 'issuerMark', label: t('officialDocs.fields.issuerMark'), children: doc.issuerMark },
            { key: 'issuerSignature', label: t('officialDocs.fields.issuerSignature'), children: doc.issuerSignature },
            { key: 'printingUnit', label: t('officialDocs.fields.printingUnit'), children: doc.printingUnit },
          ]}
        />
        <Form<FieldValues>
          key={doc.updatedAt}
          form={form}
          name={FORM}
          layout="vertical"
          initialValues={{
            kind: doc.kind as FieldValues['kind'],
            title: doc.title,
            mainRecipients: doc.mainRecipients,
            ccRecipients: doc.ccRecipients,
            classification: doc.classification,
            secrecyPeriod: doc.secrecyPeriod,
            copyNumber: doc.copyNumber,
            urgency: doc.urgency as FieldValues['urgency'],
            disclosure: doc.disclosure as FieldValues['disclosure'],
            remark: doc.remark,
          }}
          onFinish={(v) => void save(v)}
        >
          <OfficialDocFieldItems clearance={user.clearance} compact />
          <Button type="primary" size="large" htmlType="submit" loading={saving} block>
            {t('officialDocs.page.saveFields')}
          </Button>
        </Form>
      </Card>
    );

  const item = (name: string, children: string) => ({
    key: name,
    label: t(`officialDocs.fields.${name as 'title'}`),
    children: (
      <span id={`od-field-${name}`} tabIndex={-1}>
        {children || '—'}
      </span>
    ),
  });
  return (
    <Card size="small" title={t('officialDocs.page.recordFields')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          item('kind', kindName(doc.kind)),
          item('title', doc.title),
          item('number', doc.number?.text ?? t('officialDocs.unnumbered')),
          item('issuerMark', doc.issuerMark),
          item('mainRecipients', listOf(t, doc.mainRecipients)),
          item('ccRecipients', listOf(t, doc.ccRecipients)),
          item('attachmentNotes', listOf(t, doc.attachmentNotes)),
          item('classification', clearanceLabel(t, doc.classification)),
          item('secrecyPeriod', doc.secrecyPeriod),
          item('copyNumber', doc.copyNumber),
          item('urgency', doc.urgency === 'none' ? t('officialDocs.fields.urgencyNone') : urgencyName(doc.urgency)),
          item('disclosure', disclosureName(doc.disclosure)),
          item('signers', listOf(t, doc.signers)),
          item('writtenOn', doc.writtenOn ? chineseDate(doc.writtenOn) : ''),
          item('issuerSignature', doc.issuerSignature),
          item('printingUnit', doc.printingUnit),
          item('drafter', doc.drafter.name),
          item('remark', doc.remark),
        ]}
      />
    </Card>
  );
}
