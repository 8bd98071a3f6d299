// Ant Design theme: a sober government blue, and controls sized for fingers on a 10-inch tablet (≥ 44 px targets).
import type { ThemeConfig } from 'antd';

export const TOUCH_TARGET = 44;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4fa8',
    colorInfo: '#1f4fa8',
    borderRadius: 8,
    fontSize: 15,
    controlHeight: TOUCH_TARGET,
    controlHeightLG: 50,
    controlHeightSM: 32,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 60, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: { itemHeight: 48, itemMarginInline: 8, iconSize: 18, itemBorderRadius: 8 },
    Table: { cellPaddingBlock: 12 },
    Tabs: { horizontalItemPadding: '12px 4px' },
    Pagination: { itemSize: TOUCH_TARGET },
  },
};
