// One supervision task: what it is and on what basis, who handles it, where it stands (overdue highlighted), what the
// person may do next, and its timeline with attachments — refreshed live when a notification about it arrives.
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/http.ts';
import { supervisionApi, type TaskDetail, type TimelineEntry } from '../../api/supervision.ts';
import { realtime } from '../../realtime/connection.ts';
import { decisionAnchor } from '../../editor/decisionItem/decisionAttrs.ts';
import { TaskActions } from './TaskActions.tsx';
import { UrgeTaskButton } from './UrgeTaskButton.tsx';
import { ArchiveStandingControl } from '../archive/ArchiveStandingControl.tsx';
import { OverdueTag, StatusTag, supervisionError } from './supervisionLabels.tsx';
import { labelled, listOf } from '../../i18n/punctuation.ts';

const EVENT_COLORS: Partial<Record<TimelineEntry['kind'], string>> = {
  overdue: 'red',
  returned: 'orange',
  accepted: 'green',
  submitted: 'blue',
  extension_refused: 'orange',
  reminder: 'gold',
  urged: 'volcano',
};

export default function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setTask(await supervisionApi.get(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.link === `/supervision/tasks/${id}`) void load();
      }),
    [id, load],
  );

  if (error instanceof ApiError && error.status === 404) return <Empty description={t('supervision.task.notFound')} />;
  if (error !== null)
    return <Alert type="error" showIcon title={t('supervision.loadFailed', { message: supervisionError(t, error) })} />;
  if (!task) return <Spin />;

  const describe = (e: TimelineEntry): string | null => {
    const d = e.detail as Record<string, string | number | undefined>;
    switch (e.kind) {
      case 'extension_requested':
        return t('supervision.eventDetail.extension', { to: String(d.to ?? ''), from: String(d.from ?? '') });
      case 'returned':
        return t('supervision.eventDetail.returned', { date: String(d.dueDate ?? '') });
      case 'submitted':
        return Number(d.daysLate) > 0 ? t('supervision.eventDetail.daysLate', { days: Number(d.daysLate) }) : null;
      case 'reminder':
        return t('supervision.eventDetail.reminder', { days: Number(d.days), deadline: String(d.deadline ?? '') });
      case 'overdue':
        return t('supervision.eventDetail.overdue', { days: Number(d.days), deadline: String(d.deadline ?? '') });
      default:
        return null;
    }
  };

  return (
    <Flex vertical gap={16}>
      <Link to="/supervision">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('supervision.task.back')}
        </Button>
      </Link>
      <Card style={task.overdue ? { borderColor: '#ff4d4f' } : undefined}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{task.code}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="task-title">
            {task.title}
          </Typography.Title>
          <Space wrap>
            <StatusTag status={task.status} />
            <OverdueTag overdue={task.overdue} days={task.overdueDays} />
            {task.status === 'completed' && task.lateDays > 0 && <Tag color="orange">{t('supervision.lateTag')}</Tag>}
            {task.returnCount > 0 && task.status !== 'completed' && (
              <Tag color="orange">{t('supervision.returnedTag')}</Tag>
            )}
            <Tag>{t(`supervision.basis.${task.basisType}`)}</Tag>
            {task.priority !== 'normal' && (
              <Tag color="volcano">{t(`supervision.priority.${task.priority as 'urgent' | 'critical'}`)}</Tag>
            )}
          </Space>
          <Flex gap={8} wrap align="start">
            <TaskActions task={task} onChanged={setTask} />
            {task.mayUrge && <UrgeTaskButton task={task} onChanged={setTask} />}
            <ArchiveStandingControl
              objectType="supervision_task"
              objectId={task.id}
              standing={task.archive}
              onChanged={load}
            />
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('supervision.task.basis')}>
            <Descriptions column={1} size="middle" styles={{ label: { width: 112 } }}>
              {task.instructedByName && (
                <Descriptions.Item label={t('supervision.form.instructedBy')}>
                  {task.instructedByName}
                </Descriptions.Item>
              )}
              {task.basisText && (
                <Descriptions.Item label={t('supervision.task.basis')}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {task.basisText}
                  </Typography.Paragraph>
                </Descriptions.Item>
              )}
              {task.minutesDocument && !task.minutesDocument.readable && (
                <Descriptions.Item label={t('supervision.task.minutes')}>
                  <Typography.Text type="secondary">{t('supervision.task.documentNotReadable')}</Typography.Text>
                </Descriptions.Item>
              )}
              {task.minutesDocument?.readable && (
                <Descriptions.Item label={t('supervision.task.minutes')}>
                  <Space wrap>
                    <Link to={`/documents/${task.minutesDocument.id}`}>
                      {task.minutesDocument.title ?? task.minutesDocument.id}
                    </Link>
                    {task.minutesDocument.anchor && (
                      <Link
                        to={`/documents/${task.minutesDocument.id}#${decisionAnchor(task.minutesDocument.anchor)}`}
                        data-testid="task-open-in-minutes"
                      >
                        {t('minutes.task.openInMinutes')}
                      </Link>
                    )}
                  </Space>
                </Descriptions.Item>
              )}
              {task.sourceDocument && (
                <Descriptions.Item label={t('supervision.task.sourceDocument')}>
                  {task.sourceDocument.readable ? (
                    // A 公文's 正文 opens as the 公文 (its route, opinions and 收文 card), any other document in the editor.
                    <Link
                      to={
                        task.sourceDocument.officialDocumentId
                          ? `/official-documents/${task.sourceDocument.officialDocumentId}`
                          : `/documents/${task.sourceDocument.id}`
                      }
                      data-testid="task-source-document"
                    >
                      {task.sourceDocument.title ?? task.sourceDocument.id}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('supervision.task.documentNotReadable')}</Typography.Text>
                  )}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('supervision.task.requirement')}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {task.requirement}
                </Typography.Paragraph>
              </Descriptions.Item>
              {task.rectification && task.status !== 'completed' && (
                <Descriptions.Item label={t('supervision.task.rectification')}>
                  <Typography.Text type="warning">{task.rectification}</Typography.Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('supervision.task.leadUnit')}>{task.leadUnitName}</Descriptions.Item>
              {task.coUnits.length > 0 && (
                <Descriptions.Item label={t('supervision.task.coUnits')}>
                  <Space wrap>
                    {task.coUnits.map((u) => (
                      <Tag key={u.id} color={u.signed ? 'green' : undefined}>
                        {u.name} · {u.signed ? t('supervision.task.signed') : t('supervision.task.notSigned')}
                      </Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('supervision.task.owner')}>
                <span data-testid="task-owner">{task.ownerName ?? t('supervision.task.unassigned')}</span>
              </Descriptions.Item>
              {task.coOwners.length > 0 && (
                <Descriptions.Item label={t('supervision.task.coOwners')}>
                  {listOf(
                    t,
                    task.coOwners.map((c) => c.name),
                  )}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('supervision.task.supervisor')}>{task.supervisorName}</Descriptions.Item>
              <Descriptions.Item
                label={task.rectifyDueDate ? t('supervision.task.rectifyDeadline') : t('supervision.task.deadline')}
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text type={task.overdue ? 'danger' : undefined} strong data-testid="task-deadline">
                    {task.deadlineDate}
                  </Typography.Text>
                  {task.originalDueDate !== task.deadlineDate && (
                    <Typography.Text type="secondary">
                      {t('supervision.task.originalDeadline', { date: task.originalDueDate })}
                    </Typography.Text>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.task.progress')}>
                <Progress
                  percent={task.progress}
                  status={task.overdue ? 'exception' : task.status === 'completed' ? 'success' : 'active'}
                  data-testid="task-progress"
                />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {task.extensions.length > 0 && (
            <Card title={t('supervision.task.extensions')} style={{ marginTop: 16 }}>
              <List
                dataSource={task.extensions}
                renderItem={(e) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${e.fromDueDate} → ${e.toDueDate} · ${e.status === 'pending' ? t('supervision.status.extension_requested') : e.status === 'approved' ? t('supervision.events.extension_approved') : t('supervision.events.extension_refused')}`}
                      description={`${e.requestedByName ? labelled(t, e.requestedByName, e.reason) : e.reason}${e.decisionNote ? ` / ${e.decisionNote}` : ''}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
          {task.coordinations.length > 0 && (
            <Card title={t('supervision.task.coordinations')} style={{ marginTop: 16 }}>
              <List
                dataSource={task.coordinations}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={c.difficulty}
                      description={
                        c.outcome
                          ? c.resolvedByName
                            ? labelled(t, c.resolvedByName, c.outcome)
                            : c.outcome
                          : listOf(
                              t,
                              c.units.map((u) => u.name ?? ''),
                            )
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('supervision.task.timeline')}
            extra={<Typography.Text type="secondary">{t('supervision.task.live')}</Typography.Text>}
          >
            {task.timeline.length === 0 ? (
              <Empty description={t('supervision.task.noTimeline')} />
            ) : (
              <Timeline
                data-testid="task-timeline"
                items={[...task.timeline].reverse().map((e) => ({
                  key: e.id,
                  color: EVENT_COLORS[e.kind] ?? 'blue',
                  children: (
                    <Flex vertical gap={4} data-testid={`timeline-${e.kind}`}>
                      <Space wrap size={8}>
                        <Typography.Text strong>{t(`supervision.events.${e.kind}`)}</Typography.Text>
                        {e.percent !== null && <Tag color="blue">{e.percent}%</Tag>}
                        <Typography.Text type="secondary">
                          {e.actorName ?? t('supervision.eventDetail.system')}
                          {e.unitName ? ` · ${e.unitName}` : ''} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                        </Typography.Text>
                      </Space>
                      {e.text && (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {e.text}
                        </Typography.Paragraph>
                      )}
                      {describe(e) && (
                        <Typography.Text type={e.kind === 'overdue' ? 'danger' : 'secondary'}>
                          {describe(e)}
                        </Typography.Text>
                      )}
                      {e.attachments.map((a) => (
                        <a key={a.id} href={supervisionApi.attachmentUrl(a.id)} data-testid="timeline-attachment">
                          <PaperClipOutlined /> {a.fileName}
                        </a>
                      ))}
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
