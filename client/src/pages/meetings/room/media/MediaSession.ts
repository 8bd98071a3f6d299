// One setup of the browser's media with the SFU (mediasoup-client): the device loaded with the router's
// capabilities, a sending and a receiving transport, and the producers and consumers on them. A media reset or a full
// rejoin throws the whole session away and opens a new one; the local tracks outlive it.
import { Device, type types } from 'mediasoup-client';
import type {
  ConsumerView,
  MediaSource,
  MeetingMethod,
  MeetingResponses,
  ProducerView,
  RequestData,
  RtpCapabilitiesInput,
  RtpParametersInput,
} from '../../../../../../media/signaling.ts';
import { IceRecovery } from './iceRecovery.ts';

export type Requester = <M extends MeetingMethod>(method: M, data: RequestData<M>) => Promise<MeetingResponses[M]>;

/** Camera simulcast: three VP8 layers; receivers get the one that suits their tile. */
const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 350_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 900_000 },
];
const SCREEN_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 1_500_000 }];

export interface MediaSessionCallbacks {
  /** The transport could not be repaired by an ICE restart: rejoin from scratch. */
  onUnrecoverable(reason: string): void;
  /** A transport's connection state, for the connection indicator. */
  onConnectionState(direction: 'send' | 'recv', state: types.ConnectionState): void;
}

export class MediaSession {
  private readonly producers = new Map<MediaSource, types.Producer>();
  private readonly consumers = new Map<string, types.Consumer>();
  private readonly recoveries: IceRecovery[] = [];
  private closed = false;

  static async open(
    request: Requester,
    routerRtpCapabilities: unknown,
    callbacks: MediaSessionCallbacks,
  ): Promise<{ session: MediaSession; producers: Array<ProducerView & { peerId: string }> }> {
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    // The server validates the capabilities; the cast only bridges mediasoup-client's looser parameter types.
    const { producers } = await request('enableMedia', {
      rtpCapabilities: device.rtpCapabilities as RtpCapabilitiesInput,
    });
    const [sendOptions, recvOptions] = await Promise.all([
      request('createTransport', { direction: 'send' }),
      request('createTransport', { direction: 'recv' }),
    ]);
    const send = device.createSendTransport({ ...sendOptions, iceServers: sendOptions.iceServers });
    const recv = device.createRecvTransport({ ...recvOptions, iceServers: recvOptions.iceServers });
    const session = new MediaSession(request, device, send, recv, callbacks);
    return { session, producers };
  }

  private constructor(
    private readonly request: Requester,
    readonly device: Device,
    private readonly send: types.Transport,
    private readonly recv: types.Transport,
    callbacks: MediaSessionCallbacks,
  ) {
    for (const [transport, direction] of [
      [send, 'send'],
      [recv, 'recv'],
    ] as const) {
      transport.on('connect', ({ dtlsParameters }, callback, errback) => {
        request('connectTransport', {
          transportId: transport.id,
          dtlsParameters: dtlsParameters as RequestData<'connectTransport'>['dtlsParameters'],
        }).then(() => callback(), errback);
      });
      const recovery = new IceRecovery({
        state: () => transport.connectionState,
        restartIce: async () => {
          const { iceParameters } = await request('restartIce', { transportId: transport.id });
          await transport.restartIce({ iceParameters });
        },
        giveUp: (reason) => {
          if (!this.closed) callbacks.onUnrecoverable(reason);
        },
      });
      this.recoveries.push(recovery);
      transport.on('connectionstatechange', (state) => {
        if (this.closed) return;
        callbacks.onConnectionState(direction, state);
        recovery.onState(state);
      });
    }
    send.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = appData.source as MediaSource;
      request('produce', {
        transportId: send.id,
        kind,
        source,
        rtpParameters: rtpParameters as RtpParametersInput,
      }).then(({ producerId }) => callback({ id: producerId }), errback);
    });
  }

  producer(source: MediaSource): types.Producer | undefined {
    return this.producers.get(source);
  }

  async produce(source: MediaSource, track: MediaStreamTrack): Promise<types.Producer> {
    this.producers.get(source)?.close();
    const vp8 = this.device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
    const options: types.ProducerOptions =
      source === 'mic'
        ? {
            track,
            codecOptions: { opusStereo: false, opusFec: true, opusDtx: true },
            stopTracks: false,
            appData: { source },
          }
        : {
            track,
            encodings: source === 'camera' ? CAMERA_ENCODINGS : SCREEN_ENCODINGS,
            codecOptions: { videoGoogleStartBitrate: 1000 },
            ...(vp8 ? { codec: vp8 } : {}),
            stopTracks: false,
            appData: { source },
          };
    const producer = await this.send.produce(options);
    if (this.closed) {
      producer.close();
      throw new Error('media session closed');
    }
    this.producers.set(source, producer);
    producer.observer.on('close', () => {
      if (this.producers.get(source) === producer) this.producers.delete(source);
    });
    return producer;
  }

  /** Closes a producer here and on the server. */
  async closeProducer(source: MediaSource): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer) return;
    producer.close();
    await this.request('closeProducer', { producerId: producer.id });
  }

  /** Closes a producer the server has already closed (the host stopped it). */
  dropProducer(producerId: string): MediaSource | null {
    for (const [source, producer] of this.producers) {
      if (producer.id === producerId) {
        producer.close();
        return source;
      }
    }
    return null;
  }

  async consume(producerId: string): Promise<{ consumer: types.Consumer; view: ConsumerView }> {
    const view = await this.request('consume', { producerId });
    const consumer = await this.recv.consume({
      id: view.consumerId,
      producerId,
      kind: view.kind,
      rtpParameters: view.rtpParameters as types.RtpParameters,
    });
    if (this.closed) {
      consumer.close();
      throw new Error('media session closed');
    }
    this.consumers.set(consumer.id, consumer);
    consumer.observer.on('close', () => this.consumers.delete(consumer.id));
    return { consumer, view };
  }

  dropConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.close();
  }

  /** Inbound and outbound WebRTC statistics of both transports. */
  async stats(): Promise<RTCStatsReport[]> {
    return Promise.all([this.send.getStats(), this.recv.getStats()]);
  }

  /** Closes the transports (and with them every producer and consumer); the tracks stay with their owner. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const recovery of this.recoveries) recovery.stop();
    this.send.close();
    this.recv.close();
    this.producers.clear();
    this.consumers.clear();
  }
}
