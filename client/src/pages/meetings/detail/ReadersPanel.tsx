// Pre-reading marks for the organisers: who has opened each material, and who not yet.
import { App, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingsApi, type Readers } from '../../../api/meetings.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { inZone } from '../time.ts';
import { listOf } from '../../../i18n/punctuation.ts';

export function ReadersPanel({ meetingId, revision }: { meetingId: string; revision: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<Readers | null>(null);
  useEffect(() => {
    meetingsApi.readers(meetingId).then(setData, (err: unknown) => message.error(meetingErrorText(t, err)));
  }, [meetingId, revision, message, t]);
  if (!data) return <Spin />;
  return (
    <List
      dataSource={data.items}
      locale={{ emptyText: t('meetings.detail.noMaterials') }}
      renderItem={(item) => (
        <List.Item>
          <List.Item.Meta
            title={item.title}
            description={
              <>
                <div>
                  {listOf(
                    t,
                    item.readers.map((r) =>
                      t('meetings.detail.readAt', {
                        name: r.displayName,
                        time: inZone(r.firstAt).format('MM-DD HH:mm'),
                      }),
                    ),
                    'comma',
                  )}
                </div>
                <Typography.Text type={item.notYet.length > 0 ? 'warning' : 'success'}>
                  {item.notYet.length > 0
                    ? t('meetings.detail.notYetRead', {
                        names: listOf(
                          t,
                          item.notYet.map((p) => p.displayName),
                        ),
                      })
                    : t('meetings.detail.everyoneRead')}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
