// 档案 page texts (English).
import type archiveZhCN from './archive.zh-CN.ts';

const archiveEn: typeof archiveZhCN = {
  title: 'Archive',
  filters: {
    year: 'Year',
    retention: 'Retention',
    status: 'Status',
    destruction: 'Destruction',
    q: 'Title or archive number',
  },
  columns: {
    archiveNumber: 'Archive number',
    title: 'Title',
    unit: 'Unit',
    year: 'Year',
    retention: 'Retention',
    classification: 'Classification',
    status: 'Status',
  },
  retention: { permanent: 'Permanent', '30y': '30 years', '10y': '10 years' },
  status: { queued: 'Being built', built: 'To be sealed', sealed: 'Sealed' },
  destruction: { listed: 'Destruction to approve', approved: 'Destruction approved' },
  objectType: { official_document: 'Official document', minutes: 'Minutes', supervision_task: 'Supervision task' },
  classification: { c0: 'Public', c1: 'Internal', c2: 'Secret', c3: 'Confidential' },
  total: '{{count}} items',
  unnumbered: 'Not numbered',
  detail: {
    object: 'Archived object',
    files: 'Files',
    manifest: 'Manifest',
    path: 'Path',
    role: 'Kind',
    size: 'Size',
    keepUntil: 'Kept until',
    permanent: 'Kept permanently',
    failure: 'Build failed: {{message}}',
  },
  actions: {
    open: 'Open',
    download: 'Download zip',
    verify: 'Verify',
    seal: 'Seal',
    setRetention: 'Retention',
    approve: 'Approve destruction',
  },
  verifyOk: 'Verified: {{count}} files match the manifest',
  verifyFailed: 'Verification failed: {{files}}',
  sealed: 'Sealed as {{number}}',
  retentionSaved: 'Retention changed',
  approveTitle: 'Approve destruction: {{title}}',
  reason: 'Reason for destruction',
  reasonRequired: 'Give a reason for the destruction',
  approved: 'Destruction approved',
  // 归档 on the page of closed minutes or a completed supervision task.
  request: {
    button: 'Archive',
    confirmTitle: 'Archive it',
    confirm:
      'An archive package is built and it becomes read-only for good: it can no longer be changed or reopened. Archive it?',
    requested: 'Archiving was requested; the package is built in the background',
    queued: 'Archiving requested',
    sealed: 'Archived, number {{number}}',
  },
  errors: {
    not_finished: 'Only closed minutes and completed supervision tasks are archived',
    already_archived: 'It is already archived',
  },
};
export default archiveEn;
