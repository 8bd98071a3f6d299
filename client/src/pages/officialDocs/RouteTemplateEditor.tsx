// Writing or changing a route template (流程模板) for the office: its name, the 文种 it is for (or every 文种), and its
// steps in the same editor as a 送审 of one's own, where a step may also be left to the previous handler's choice among
// candidates. The server checks the route as the engine would and answers in the reader's language.
import { Alert, Flex, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICIAL_DOCUMENT_KIND_KEYS } from '../../../../common/officialDocs/catalogue.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type RouteTemplate } from '../../api/officialDocs.ts';
import { kindName } from './officialDocLabels.tsx';
import {
  draftStep,
  draftToStep,
  RouteStepsEditor,
  stepNamed,
  stepToDraft,
  type DraftStep,
} from './RouteStepsEditor.tsx';

type Kind = (typeof OFFICIAL_DOCUMENT_KIND_KEYS)[number];
const ALL_KINDS = '';

export function RouteTemplateEditor({
  open,
  template,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The template to change; null to write a new one. */
  template: RouteTemplate | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind | typeof ALL_KINDS>(ALL_KINDS);
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setName(template?.name ?? '');
    setKind(template?.kind ?? ALL_KINDS);
    setSteps(
      template
        ? template.steps.map(stepToDraft)
        : [
            draftStep(t('officialDocs.submitForm.defaultReview'), 'single'),
            draftStep(t('officialDocs.submitForm.defaultSignOff'), 'single'),
          ],
    );
    setTried(false);
    setError(null);
  }, [open, template, t]);

  const valid = name.trim() !== '' && steps.length > 0 && steps.every(stepNamed);

  const save = async () => {
    setTried(true);
    if (!valid) return;
    setSaving(true);
    const body = { name: name.trim(), kind: kind === ALL_KINDS ? null : kind, steps: steps.map(draftToStep) };
    try {
      if (template) await officialDocsApi.updateRouteTemplate(template.id, body);
      else await officialDocsApi.createRouteTemplate(body);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={template ? t('routeTemplates.editTitle') : t('routeTemplates.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() => void save()}
      width={760}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Input
            className="tb-od-grow"
            size="large"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('routeTemplates.name')}
            aria-label={t('routeTemplates.name')}
            maxLength={60}
            status={tried && !name.trim() ? 'error' : undefined}
          />
          <Select<Kind | typeof ALL_KINDS>
            size="large"
            value={kind}
            onChange={setKind}
            aria-label={t('routeTemplates.kind')}
            style={{ minWidth: 160 }}
            options={[
              { value: ALL_KINDS, label: t('routeTemplates.allKinds') },
              ...OFFICIAL_DOCUMENT_KIND_KEYS.map((k) => ({ value: k, label: kindName(k) })),
            ]}
          />
        </Flex>
        <Typography.Text type="secondary">{t('officialDocs.submitForm.lastIsSignOff')}</Typography.Text>
        <RouteStepsEditor steps={steps} onChange={setSteps} tried={tried} allowChoice names={template?.names ?? {}} />
        {tried && !valid && (
          <Alert
            type="error"
            showIcon
            title={name.trim() ? t('officialDocs.submitForm.handlersRequired') : t('routeTemplates.nameRequired')}
          />
        )}
        {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      </Flex>
    </Modal>
  );
}
