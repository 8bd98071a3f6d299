// A version's name in the reader's language: as typed when a person named it; from its key and parameters when the
// system did (review_decisions: who decided, how many), or the reason's label for a row from before parameters.
import type { TFunction } from 'i18next';
import type { Version } from '../../../../api/documents.ts';

export function versionName(t: TFunction, v: Version): string {
  switch (v.nameKey) {
    case 'review_decisions':
      return v.nameParams
        ? t('documents.versions.names.review_decisions', {
            by: v.nameParams.by ?? v.createdByName ?? t('common.unknown'),
            decisions: v.nameParams.decisions,
          })
        : t('documents.versions.reasons.review');
    case null:
      return v.name;
  }
}
