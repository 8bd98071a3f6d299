// The recorder's view of a Room: the producers of the given peers (on their own routers, so nothing is piped for the
// recording) and the active speaker. Read-only: the recorder never changes the room.
import type { Room } from '../Room.ts';
import type { RecordingProducer, RecordingSource } from './MeetingRecorder.ts';

export function roomRecordingSource(room: Room, peerIds: () => string[]): RecordingSource {
  return {
    get closed() {
      return room.closed;
    },
    producers(): RecordingProducer[] {
      const out: RecordingProducer[] = [];
      for (const peerId of peerIds()) {
        if (!room.hasPeer(peerId)) continue;
        const peer = room.peer(peerId);
        if (!peer.router) continue;
        for (const producer of peer.producers.values())
          if (!producer.closed && !producer.paused)
            out.push({ producer, router: peer.router, peerId, source: producer.appData.source });
      }
      return out;
    },
    activeSpeakerPeerId: () => room.activeSpeakerPeerId,
  };
}
