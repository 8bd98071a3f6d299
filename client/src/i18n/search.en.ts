// Full-text search text (English). Same keys as search.zh-CN.ts.
import type searchZhCN from './search.zh-CN.ts';

const searchEn: typeof searchZhCN = {
  box: {
    placeholder: 'Search documents, numbers, meetings, minutes, tasks…',
    label: 'Full-text search',
  },
  title: 'Search',
  placeholder: 'Words to find, separated by spaces',
  submit: 'Search',
  total: '{{count}} results',
  totalCapped: 'More than {{count}} results: add filters to narrow them',
  empty: 'Nothing you may open was found',
  prompt: 'Type words and press Enter to search',
  deepPage: 'Many results: only the first {{pages}} pages are shown; add filters to narrow them',
  loadFailed: 'Search failed: {{message}}',
  clearFilters: 'Clear filters',
  filters: {
    kind: 'Kind',
    anyKind: 'All kinds',
    docType: 'Document type',
    anyDocType: 'All document types',
    unit: 'Unit',
    anyUnit: 'All units',
    dates: 'Dates',
    classification: 'Classification',
    anyClassification: 'All classifications',
    status: 'Status',
    anyStatus: 'All statuses',
    sort: 'Order',
  },
  sort: { relevance: 'By relevance', date: 'By date' },
  kinds: {
    officialDoc: 'Official document',
    document: 'Document',
    minutes: 'Minutes',
    meeting: 'Meeting',
    material: 'Meeting material',
    task: 'Supervision task',
  },
};

export default searchEn;
