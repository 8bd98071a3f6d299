// 文字识别 (OCR) over REST: where the recognition of a meeting's materials stands, and a new draft made of the text
// recognised in a material or a 收文's scan. Shapes come from common/ocr (the 收文's own progress is in its scan).
import type { MaterialOcrList, RecognisedText } from '../../../common/ocr/ocrApi.ts';
import { http } from './http.ts';

export type { OcrProgress } from '../../../common/ocr/ocrApi.ts';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const material = (id: string, materialId: string) => `${meeting(id)}/materials/${encodeURIComponent(materialId)}`;
const officialDoc = (id: string) => `/api/official-documents/${encodeURIComponent(id)}`;

export const ocrApi = {
  materials: (meetingId: string) => http.get<MaterialOcrList>(`${meeting(meetingId)}/materials/ocr`),
  materialText: (meetingId: string, materialId: string) =>
    http.get<RecognisedText>(`${material(meetingId, materialId)}/text`),
  materialDraft: (meetingId: string, materialId: string) =>
    http.post<{ id: string }>(`${material(meetingId, materialId)}/text/draft`),
  scanText: (officialDocId: string) => http.get<RecognisedText>(`${officialDoc(officialDocId)}/scan/text`),
  scanDraft: (officialDocId: string) => http.post<{ id: string }>(`${officialDoc(officialDocId)}/scan/text/draft`),
};

/** While a file waits or is under way, its tag is asked again this often. */
export const OCR_POLL_MS = 3000;
