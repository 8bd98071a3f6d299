// What the unit and person pickers of a decision item share: a tags select (a directory entry or a name kept as
// typed), large for tablets, splitting pasted lists at the separators minutes use (区财政局、区住建委).
import type { SelectProps } from 'antd';

export const NAMES_SELECT: Pick<SelectProps, 'mode' | 'size' | 'tokenSeparators' | 'style'> = {
  mode: 'tags',
  size: 'large',
  tokenSeparators: ['、', '，', ','],
  style: { width: '100%' },
};

export interface NamesSelectProps<T> {
  value: T[];
  onChange: (value: T[]) => void;
  id?: string;
  'aria-label'?: string;
}
