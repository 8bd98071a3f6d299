// The agenda (议程) in order: each item with its presenter and, optionally, its time slot within the meeting.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonPicker } from '../components/PersonPicker.tsx';

export interface AgendaRow {
  title: string;
  presenterId?: string | null;
  startTime?: string;
  endTime?: string;
}

export function AgendaFields() {
  const { t } = useTranslation();
  return (
    <Card title={t('meetings.form.agenda')} className="tb-form-card">
      <Form.List name="agenda">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="tb-agenda-row" data-testid="agenda-row">
                <Typography.Text type="secondary">{t('meetings.form.itemNumber', { n: i + 1 })}</Typography.Text>
                <Row gutter={8}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('meetings.form.agendaTitle')}
                      rules={[{ max: 200 }]}
                    >
                      <Input aria-label={`${t('meetings.form.agendaTitle')} ${i + 1}`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'presenterId']} label={t('meetings.form.presenter')}>
                      <PersonPicker aria-label={`${t('meetings.form.presenter')} ${i + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'startTime']} label={t('meetings.form.slotStart')}>
                      <Input type="time" step={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'endTime']} label={t('meetings.form.slotEnd')}>
                      <Input type="time" step={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12} className="tb-agenda-row__actions">
                    <Space>
                      <Button
                        icon={<ArrowUpOutlined />}
                        aria-label={t('meetings.form.moveUp')}
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                      />
                      <Button
                        icon={<ArrowDownOutlined />}
                        aria-label={t('meetings.form.moveDown')}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, i + 1)}
                      />
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('meetings.form.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  </Col>
                </Row>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })} data-testid="add-agenda-item">
              {t('meetings.form.addAgendaItem')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
