// Last-N in one place: whether a consumer is forwarded and at which simulcast layer, from what its viewer's browser
// reports it displays, who is speaking, and what the browser itself holds paused or asked for. Room applies the answer
// to every consumer; nothing else sets a layer. Pure, so the rules are tested as a table.
import type { DisplayReport, MediaKind, MediaSource } from './signaling.ts';

/** mediasoup takes the highest layer the producer has when it has fewer. */
export const BEST_SPATIAL_LAYER = 2;
export const MEDIUM_SPATIAL_LAYER = 1;
export const LOWEST_SPATIAL_LAYER = 0;

const LAYER_OF_TILE: Record<DisplayReport['tiles'][number]['size'], number> = {
  large: BEST_SPATIAL_LAYER,
  medium: MEDIUM_SPATIAL_LAYER,
  small: LOWEST_SPATIAL_LAYER,
};

export interface LayerChoice {
  spatialLayer: number;
  temporalLayer?: number | undefined;
}

/** One consumer as the decision needs it. */
export interface ConsumerFacts {
  kind: MediaKind;
  source: MediaSource;
  /** The peer whose media it is. */
  ownerPeerId: string;
  /** The browser holds it paused: just created and not ready yet, or paused by the browser. */
  heldByBrowser: boolean;
  /** The layer the browser asked for itself (setPreferredLayers), if it did. */
  browserLayers: LayerChoice | null;
}

export interface ConsumerFit {
  paused: boolean;
  /** The layers to ask the worker for; null leaves them as they are (audio, or nothing decided). */
  layers: LayerChoice | null;
}

/**
 * The one decision. Until the viewer reports what it displays, its browser's own requests stand (an ordinary meeting,
 * or a plenary viewer in its first moments). Once it has reported, the report decides: the active speaker (when the
 * speaker's tile is on view) and the screens on view at the best layer, grid tiles at the layer their size calls for,
 * everything else paused; a layer the browser asks for itself is then ignored, so a stale request cannot undo the
 * server's choice. What the browser holds paused stays paused whatever is on view.
 */
export function fitConsumer(
  display: DisplayReport | null,
  activeSpeaker: string | null,
  c: ConsumerFacts,
): ConsumerFit {
  if (c.kind === 'audio') return { paused: c.heldByBrowser, layers: null };
  if (!display) return { paused: c.heldByBrowser, layers: c.browserLayers };
  const layer = displayedLayer(display, activeSpeaker, c);
  if (layer === null) return { paused: true, layers: null };
  return { paused: c.heldByBrowser, layers: { spatialLayer: layer } };
}

/** The layer a video is displayed at, or null when it is not on view. */
function displayedLayer(display: DisplayReport, activeSpeaker: string | null, c: ConsumerFacts): number | null {
  if (c.source === 'screen') return display.screens.includes(c.ownerPeerId) ? BEST_SPATIAL_LAYER : null;
  if (display.speaker && activeSpeaker !== null && c.ownerPeerId === activeSpeaker) return BEST_SPATIAL_LAYER;
  const tile = display.tiles.find((t) => t.peerId === c.ownerPeerId);
  return tile ? LAYER_OF_TILE[tile.size] : null;
}

/** Whether the worker must be asked to change a consumer's layers. */
export function layersDiffer(current: LayerChoice | undefined, wanted: LayerChoice): boolean {
  if (current?.spatialLayer !== wanted.spatialLayer) return true;
  return wanted.temporalLayer !== undefined && current.temporalLayer !== wanted.temporalLayer;
}
