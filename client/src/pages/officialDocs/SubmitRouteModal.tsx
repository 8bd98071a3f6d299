// 送审: the drafter sends the 公文 with one of its unit's route templates (流程模板) for its 文种 — offered first and
// chosen already when one fits — choosing only where the template leaves a choice, or lays out a route of their own
// (RouteStepsEditor). Either way an urgent (特急) document may take the urgent route, skipping the steps marked so.
import { Alert, Checkbox, Flex, Modal, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type OfficialDoc, type RouteTemplateOffer, type Submission } from '../../api/officialDocs.ts';
import { choiceComplete, RouteTemplateChoice } from './RouteTemplateChoice.tsx';
import { draftStep, draftToStep, RouteStepsEditor, stepNamed, type DraftStep } from './RouteStepsEditor.tsx';

type Mode = 'template' | 'custom';

export function SubmitRouteModal({
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
  onSubmit: (submission: Submission) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('custom');
  const [offers, setOffers] = useState<RouteTemplateOffer[]>([]);
  const [offersError, setOffersError] = useState<unknown>(null);
  const [templateId, setTemplateId] = useState<string>();
  const [choose, setChoose] = useState<string[]>([]);
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!open) return;
    setSteps([
      draftStep(t('officialDocs.submitForm.defaultCountersign'), 'parallel'),
      draftStep(t('officialDocs.submitForm.defaultSignOff'), 'single'),
    ]);
    setUrgent(doc.urgency === 'extra_urgent');
    setTried(false);
    setChoose([]);
    setMode('custom');
    setOffers([]);
    setOffersError(null);
    let current = true;
    officialDocsApi.routeTemplateOffers(doc.id).then(
      ({ items }) => {
        if (!current) return;
        setOffers(items);
        // The first that fits is chosen already: those of the 文种 come before those for every 文种.
        const usable = items.find((o) => !o.problem);
        setTemplateId(usable?.id);
        if (usable) setMode('template');
      },
      (err: unknown) => {
        // A route of one's own still works: the error is shown, the custom form stays.
        if (current) setOffersError(err);
      },
    );
    return () => {
      current = false;
    };
  }, [open, doc.id, doc.urgency, t]);

  const offer = offers.find((o) => o.id === templateId);
  const valid =
    mode === 'template' ? choiceComplete(offer, choose) : steps.length > 0 && steps.every((s) => stepNamed(s));

  const submit = () => {
    setTried(true);
    if (!valid) return;
    void onSubmit(
      mode === 'template'
        ? { routeTemplateId: templateId!, urgent, ...(choose.length > 0 ? { choose } : {}) }
        : { urgent, steps: steps.map((s, i) => draftToStep(s, i)) },
    );
  };

  return (
    <Modal
      open={open}
      title={t('officialDocs.submitForm.title')}
      okText={t('officialDocs.submitForm.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onCancel}
      onOk={submit}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Segmented<Mode>
          value={mode}
          onChange={(m) => {
            setMode(m);
            setTried(false);
          }}
          data-testid="route-mode"
          options={[
            { value: 'template', label: t('routeTemplates.submit.useTemplate'), disabled: offers.length === 0 },
            { value: 'custom', label: t('routeTemplates.submit.custom') },
          ]}
        />
        {offersError !== null && (
          <Alert
            type="warning"
            showIcon
            title={t('routeTemplates.submit.loadFailed', { message: errorMessage(t, offersError) })}
          />
        )}
        <Checkbox checked={urgent} onChange={(e) => setUrgent(e.target.checked)} data-testid="route-urgent">
          {t('officialDocs.submitForm.urgent')}
        </Checkbox>
        {mode === 'template' ? (
          <RouteTemplateChoice
            offers={offers}
            templateId={templateId}
            onTemplate={(id) => {
              setTemplateId(id);
              setChoose([]);
            }}
            choose={choose}
            onChoose={setChoose}
            tried={tried}
          />
        ) : (
          <>
            {offers.length === 0 && offersError === null && (
              <Typography.Text type="secondary">{t('routeTemplates.submit.none')}</Typography.Text>
            )}
            <Typography.Text type="secondary">{t('officialDocs.submitForm.lastIsSignOff')}</Typography.Text>
            <RouteStepsEditor steps={steps} onChange={setSteps} tried={tried} />
          </>
        )}
        {tried && !valid && (
          <Alert
            type="error"
            showIcon
            title={
              mode === 'template'
                ? t('routeTemplates.submit.chooseRequired')
                : t('officialDocs.submitForm.handlersRequired')
            }
          />
        )}
      </Flex>
    </Modal>
  );
}
