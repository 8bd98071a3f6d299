// The paged grid of tiles. Only the tiles on the current page receive camera video: the others' consumers are
// paused on the server, and the simulcast layer follows the tile size (in a plenary the page is also reported to the
// server, which then forwards only it and the active speaker: last-N).
import { useEffect, useMemo } from 'react';
import type { PeerView } from '../../../../../../media/signaling.ts';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';
import { bestColumns, gridPage, orderTiles, spatialLayerFor, type GridSpec } from '../layout/gridLayout.ts';
import { VideoTile } from './VideoTile.tsx';

interface Props {
  client: MeetingClient;
  view: MeetingView;
  spec: GridSpec;
  /** The area the grid has (without a shared screen), to choose its columns. */
  area: { width: number; height: number };
  page: number;
  onPages(page: number, pages: number): void;
}

export function VideoGrid({ client, view, spec, area, page, onPages }: Props) {
  // In a plenary only the host and the speakers have tiles (hundreds of viewers send nothing to show).
  const plenary = view.room.plenary;
  const everyone = useMemo<PeerView[]>(() => {
    const all = view.self ? [view.self, ...view.peers] : view.peers;
    return plenary ? all.filter((p) => p.isHost || p.speaker) : all;
  }, [view.self, view.peers, plenary]);
  const order = orderTiles(
    everyone.map((p) => p.peerId),
    view.self?.peerId ?? null,
  );
  const shown = gridPage(order, page, spec.pageSize, view.activeSpeaker);
  // A string key, so the effect below runs when the set of visible tiles changes, not on every render.
  const shownKey = shown.ids.join(',');
  const raised = useMemo(() => new Set(view.hands.map((h) => h.peerId)), [view.hands]);

  useEffect(() => {
    onPages(shown.page, shown.pages);
  }, [shown.page, shown.pages, onPages]);

  useEffect(() => {
    const ids = shownKey ? shownKey.split(',') : [];
    client.setVisiblePeers(ids, spatialLayerFor(ids.length));
  }, [client, shownKey]);

  const byId = new Map(everyone.map((p) => [p.peerId, p]));
  const columns = spec.strip
    ? Math.min(spec.columns, Math.max(1, shown.ids.length))
    : bestColumns(shown.ids.length, area.width, area.height, spec.columns);
  const rows = Math.max(1, Math.ceil(shown.ids.length / columns));
  return (
    <div
      className="mr-grid"
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {shown.ids.map((id) => {
        const peer = byId.get(id);
        if (!peer) return null;
        const self = id === view.self?.peerId;
        const camera = self
          ? view.local.cameraTrack
          : (view.remote.find((m) => m.peerId === id && m.source === 'camera' && !m.consumerPaused)?.track ?? null);
        const mic = self ? null : view.remote.find((m) => m.peerId === id && m.source === 'mic');
        const micMuted = self ? !view.local.mic : !mic || mic.producerPaused;
        return (
          <VideoTile
            key={id}
            peer={peer}
            track={camera}
            self={self}
            speaking={view.activeSpeaker === id}
            micMuted={micMuted}
            handRaised={raised.has(id)}
          />
        );
      })}
    </div>
  );
}
