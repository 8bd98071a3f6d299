// The codecs every meeting router offers: Opus for audio, VP8 for video (simulcast from cameras, one layer for
// screens). Browsers on tablets and desktops all decode both, so no transcoding is ever needed.
import type { types } from 'mediasoup';

export const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
];
