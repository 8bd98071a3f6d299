// 文字识别 (OCR) text (zh-CN, the primary language): the tags beside scanned materials and 收文 scans, and making a draft
// of the recognised text. ocr.en.ts has exactly the same keys.

const ocrZhCN = {
  queued: '待识别',
  running: '识别中 {{done}}/{{total}} 页',
  runningUnknown: '识别中',
  done: '已识别',
  failed: '识别失败',
  failure: {
    unreadable: '文件无法读取或已损坏',
    no_pages: '文件没有页面',
    timeout: '识别超时',
    engine: '识别程序出错，请联系系统管理员',
  },
  draft: '用识别文字新建文稿',
  drafted: '已用识别文字新建文稿',
};

export default ocrZhCN;
