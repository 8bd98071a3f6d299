// Who is invited: people one by one and whole units, each with a role (出席, 列席, 旁听); host and minute-taker.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../api/meetings.ts';
import { useUnits } from '../../../components/useUnits.ts';
import { PersonPicker } from '../components/PersonPicker.tsx';
import { roleLabel } from '../meetingLabels.tsx';

export interface PersonRow {
  userId: string | null;
  role: ParticipantRole;
}

export interface UnitRow {
  unitId?: string;
  role: ParticipantRole;
}

export function PeopleFields() {
  const { t } = useTranslation();
  const { units } = useUnits();
  const roles = PARTICIPANT_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));
  return (
    <Card title={t('meetings.form.people')} className="tb-form-card">
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="hostId" label={t('meetings.form.host')}>
            <PersonPicker aria-label={t('meetings.form.host')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="minuteTakerId" label={t('meetings.form.minuteTaker')}>
            <PersonPicker aria-label={t('meetings.form.minuteTaker')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="people">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="middle" className="tb-list-row" data-testid="person-row">
                <Col flex="auto">
                  <Form.Item name={[field.name, 'userId']} noStyle>
                    <PersonPicker aria-label={`${t('meetings.form.person')} ${i + 1}`} />
                  </Form.Item>
                </Col>
                <Col flex="120px">
                  <Form.Item name={[field.name, 'role']} noStyle>
                    <Select options={roles} aria-label={t('meetings.form.role')} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col flex="44px">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('meetings.form.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ userId: null, role: 'attendee' })}>
              {t('meetings.form.addPerson')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 16 }}>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="middle" className="tb-list-row">
                <Col flex="auto">
                  <Form.Item name={[field.name, 'unitId']} noStyle>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      aria-label={`${t('meetings.form.unit')} ${i + 1}`}
                      placeholder={t('meetings.form.unit')}
                      options={units.map((u) => ({ value: u.id, label: u.name }))}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col flex="120px">
                  <Form.Item name={[field.name, 'role']} noStyle>
                    <Select options={roles} aria-label={t('meetings.form.role')} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col flex="44px">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('meetings.form.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ role: 'attendee' })}>
              {t('meetings.form.addUnit')}
            </Button>
          </div>
        )}
      </Form.List>
    </Card>
  );
}
