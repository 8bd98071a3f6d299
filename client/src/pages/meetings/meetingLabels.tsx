// Tags and names for the meetings module's codes (status, type, mode, reply, sign-in, classification). Unknown codes
// from a newer server are shown as they are.
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { clearanceLabel } from '../../components/labels.ts';
import zhCN from '../../i18n/zh-CN.ts';

type Section = typeof zhCN.meetings;
const has = <K extends string>(table: Record<K, string>, key: string): key is K => Object.hasOwn(table, key);

export function typeLabel(t: TFunction, type: string, customType?: string | null): string {
  if (type === 'custom' && customType) return customType;
  return has<keyof Section['types']>(zhCN.meetings.types, type) ? t(`meetings.types.${type}`) : type;
}

export function modeLabel(t: TFunction, mode: string): string {
  return has<keyof Section['modes']>(zhCN.meetings.modes, mode) ? t(`meetings.modes.${mode}`) : mode;
}

export function roleLabel(t: TFunction, role: string): string {
  return has<keyof Section['roles']>(zhCN.meetings.roles, role) ? t(`meetings.roles.${role}`) : role;
}

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  scheduled: 'blue',
  in_progress: 'green',
  ended: 'default',
  minutes_finalised: 'purple',
  cancelled: 'red',
};
const RSVP_COLOR: Record<string, string> = { pending: 'default', attend: 'green', leave: 'orange', absent: 'red' };
const ATTENDANCE_COLOR: Record<string, string> = {
  present: 'green',
  late: 'gold',
  leave: 'orange',
  absent: 'red',
  expected: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const text = has<keyof Section['statuses']>(zhCN.meetings.statuses, status)
    ? t(`meetings.statuses.${status}`)
    : status;
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="meeting-status" data-status={status}>
      {text}
    </Tag>
  );
}

export function RsvpTag({ rsvp }: { rsvp: string }) {
  const { t } = useTranslation();
  const text = has<keyof Section['rsvp']>(zhCN.meetings.rsvp, rsvp) ? t(`meetings.rsvp.${rsvp}`) : rsvp;
  return (
    <Tag color={RSVP_COLOR[rsvp] ?? 'default'} data-rsvp={rsvp}>
      {text}
    </Tag>
  );
}

export function AttendanceTag({ state }: { state: string }) {
  const { t } = useTranslation();
  const text = has<keyof Section['attendance']>(zhCN.meetings.attendance, state)
    ? t(`meetings.attendance.${state}`)
    : state;
  return (
    <Tag color={ATTENDANCE_COLOR[state] ?? 'default'} data-attendance={state}>
      {text}
    </Tag>
  );
}

/** 全体会议: marked beside the meeting's title wherever it is named, with what it means for who speaks. */
export function PlenaryTag({ plenary }: { plenary: boolean }) {
  const { t } = useTranslation();
  if (!plenary) return null;
  return (
    <Tooltip title={t('meetings.plenaryTagHint')}>
      <Tag color="purple" className="tb-plenary-tag" data-testid="plenary-tag">
        {t('meetings.plenaryTag')}
      </Tag>
    </Tooltip>
  );
}

/** Only classified meetings (秘密, 机密) carry a visible mark; 内部 is the everyday default. */
export function ClassificationTag({ classification }: { classification: string }) {
  const { t } = useTranslation();
  if (classification !== 'secret' && classification !== 'confidential') return null;
  return (
    <Tag color="red" data-classification={classification}>
      {clearanceLabel(t, classification)}
    </Tag>
  );
}
