// Co-annotation full screen (/meetings/:meetingId/annotate?material=… or ?board): the meeting's materials and
// whiteboard on a tablet in the meeting room, or on a desktop, outside the video meeting.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { AnnotationWorkspace, type Surface } from '../../../annotate/AnnotationWorkspace.tsx';

export default function AnnotatePage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const [query] = useSearchParams();
  const materialId = query.get('material');
  const initial: Surface | undefined = materialId
    ? { kind: 'material', materialId }
    : query.has('board')
      ? { kind: 'whiteboard' }
      : undefined;
  return (
    <AnnotationWorkspace
      key={meetingId}
      meetingId={meetingId}
      initial={initial}
      header={
        <Link to={`/meetings/${encodeURIComponent(meetingId)}`}>
          <Button size="large" type="text" icon={<ArrowLeftOutlined />} aria-label={t('annotate.back')} />
        </Link>
      }
    />
  );
}
