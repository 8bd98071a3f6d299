// Refusals from the media layer, each with a code the signalling layer sends back to the browser.

export type MediaErrorCode =
  | 'room_closed'
  | 'peer_not_found'
  | 'transport_not_found'
  | 'producer_not_found'
  | 'consumer_not_found'
  | 'media_not_enabled'
  | 'cannot_consume'
  | 'invalid_rtp_parameters'
  | 'invalid_dtls_parameters'
  | 'too_many_producers'
  | 'too_many_transports'
  | 'media_unavailable';

export class MediaError extends Error {
  readonly code: MediaErrorCode;

  constructor(code: MediaErrorCode, message: string) {
    super(message);
    this.name = 'MediaError';
    this.code = code;
  }
}
