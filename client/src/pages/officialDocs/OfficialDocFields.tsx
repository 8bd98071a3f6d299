// The GB/T 9704 elements a drafter fills in (文种, 标题, 主送, 抄送, 密级 and 保密期限, 紧急程度, 公开属性, 附注,
// 份号), as form items shared by drafting and by the drafter's later edits. Each input has a stable id
// (`<form name>_<field>`), so a format problem can focus its field.
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DISCLOSURE_KEYS,
  OFFICIAL_DOCUMENT_KIND_KEYS,
  URGENCY_KEYS,
  type Disclosure,
  type OfficialDocumentKind,
  type Urgency,
} from '../../../../common/officialDocs/catalogue.ts';
import { CLASSIFICATIONS, type Classification } from '../../api/types.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { disclosureName, kindName, urgencyName } from './officialDocLabels.tsx';

export interface FieldValues {
  kind: OfficialDocumentKind;
  title: string;
  mainRecipients: string[];
  ccRecipients: string[];
  classification: Classification;
  secrecyPeriod: string;
  copyNumber: string;
  urgency: Urgency;
  disclosure: Disclosure;
  remark: string;
}

/** The classifications a person may give: up to their own clearance (the server refuses anything above it too). */
export function allowedClassifications(clearance: string): Classification[] {
  const ceiling = CLASSIFICATIONS.indexOf(clearance as Classification);
  return CLASSIFICATIONS.filter((_, level) => level <= Math.max(ceiling, 0));
}

export function OfficialDocFieldItems({ clearance, compact = false }: { clearance: string; compact?: boolean }) {
  const { t } = useTranslation();
  const span = compact ? 24 : 12;
  const list = (name: keyof FieldValues) => (
    <Form.Item
      name={name}
      label={t(`officialDocs.fields.${name}`)}
      extra={compact ? undefined : t('officialDocs.fields.listHint')}
    >
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} />
    </Form.Item>
  );
  return (
    <Row gutter={12}>
      <Col span={span}>
        <Form.Item
          name="kind"
          label={t('officialDocs.fields.kind')}
          rules={[{ required: true, message: t('officialDocs.create.kindRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={OFFICIAL_DOCUMENT_KIND_KEYS.map((k) => ({ value: k, label: kindName(k) }))}
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="urgency" label={t('officialDocs.fields.urgency')}>
          <Select
            options={URGENCY_KEYS.map((u) => ({
              value: u,
              label: u === 'none' ? t('officialDocs.fields.urgencyNone') : urgencyName(u),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="title"
          label={t('officialDocs.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('officialDocs.create.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={24}>{list('mainRecipients')}</Col>
      <Col span={24}>{list('ccRecipients')}</Col>
      <Col span={span}>
        <Form.Item name="classification" label={t('officialDocs.fields.classification')}>
          <Select options={allowedClassifications(clearance).map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="secrecyPeriod" label={t('officialDocs.fields.secrecyPeriod')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="copyNumber" label={t('officialDocs.fields.copyNumber')}>
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="disclosure" label={t('officialDocs.fields.disclosure')}>
          <Select options={DISCLOSURE_KEYS.map((d) => ({ value: d, label: disclosureName(d) }))} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="remark" label={t('officialDocs.fields.remark')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The form's values as the API takes them (trimmed, empty entries dropped). */
export function fieldsBody(v: FieldValues) {
  const names = (xs: string[] | undefined) => (xs ?? []).map((x) => x.trim()).filter(Boolean);
  return {
    kind: v.kind,
    title: v.title.trim(),
    mainRecipients: names(v.mainRecipients),
    ccRecipients: names(v.ccRecipients),
    classification: v.classification,
    secrecyPeriod: (v.secrecyPeriod ?? '').trim(),
    copyNumber: (v.copyNumber ?? '').trim(),
    urgency: v.urgency,
    disclosure: v.disclosure,
    remark: (v.remark ?? '').trim(),
  };
}
