// The SDP ffmpeg reads to receive one consumer's RTP from a mediasoup PlainTransport on loopback (rtcp-mux: RTP and
// RTCP on one port, as the transport sends them).
import type { types } from 'mediasoup';

export interface SdpStream {
  kind: 'audio' | 'video';
  port: number;
  rtpParameters: types.RtpParameters;
}

export function recorderSdp(stream: SdpStream): string {
  const codec = stream.rtpParameters.codecs[0];
  if (!codec) throw new Error('a consumer without a codec');
  const encoding = codec.mimeType.split('/')[1];
  const channels = stream.kind === 'audio' && codec.channels ? `/${codec.channels}` : '';
  const fmtp = Object.entries(codec.parameters ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(';');
  return [
    'v=0',
    'o=- 0 0 IN IP4 127.0.0.1',
    's=tongban-recording',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=${stream.kind} ${stream.port} RTP/AVP ${codec.payloadType}`,
    `a=rtpmap:${codec.payloadType} ${encoding}/${codec.clockRate}${channels}`,
    ...(fmtp ? [`a=fmtp:${codec.payloadType} ${fmtp}`] : []),
    'a=rtcp-mux',
    'a=recvonly',
    '',
  ].join('\n');
}
