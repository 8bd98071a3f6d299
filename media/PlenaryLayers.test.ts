// The last-N decision as a table: what a viewer reports it displays, who speaks, what its browser holds or asked for.
import { describe, expect, it } from 'vitest';
import { fitConsumer, layersDiffer, type ConsumerFacts } from './PlenaryLayers.ts';
import type { DisplayReport } from './signaling.ts';

const camera = (owner: string, more: Partial<ConsumerFacts> = {}): ConsumerFacts => ({
  kind: 'video',
  source: 'camera',
  ownerPeerId: owner,
  heldByBrowser: false,
  browserLayers: null,
  ...more,
});
const screen = (owner: string): ConsumerFacts => ({ ...camera(owner), source: 'screen' });
const mic = (owner: string, heldByBrowser = false): ConsumerFacts => ({
  ...camera(owner, { heldByBrowser }),
  kind: 'audio',
  source: 'mic',
});

const speakerView: DisplayReport = {
  speaker: true,
  screens: ['s'],
  tiles: [
    { peerId: 'big', size: 'large' },
    { peerId: 'mid', size: 'medium' },
    { peerId: 'tiny', size: 'small' },
  ],
};
const gridOnly: DisplayReport = { speaker: false, screens: [], tiles: [{ peerId: 'tiny', size: 'small' }] };

describe('fitConsumer', () => {
  it.each<[string, DisplayReport | null, string | null, ConsumerFacts, ReturnType<typeof fitConsumer>]>([
    [
      'no report yet: the browser decides',
      null,
      null,
      camera('a', { browserLayers: { spatialLayer: 1 } }),
      {
        paused: false,
        layers: { spatialLayer: 1 },
      },
    ],
    ['no report and no request: left as it is', null, null, camera('a'), { paused: false, layers: null }],
    [
      'no report, held by the browser',
      null,
      null,
      camera('a', { heldByBrowser: true }),
      { paused: true, layers: null },
    ],
    ['audio is always forwarded', speakerView, null, mic('nobody'), { paused: false, layers: null }],
    ['audio the browser holds stays paused', speakerView, null, mic('a', true), { paused: true, layers: null }],
    ['large tile: best layer', speakerView, null, camera('big'), { paused: false, layers: { spatialLayer: 2 } }],
    ['medium tile: middle layer', speakerView, null, camera('mid'), { paused: false, layers: { spatialLayer: 1 } }],
    ['small tile: lowest layer', speakerView, null, camera('tiny'), { paused: false, layers: { spatialLayer: 0 } }],
    ['off view: paused', speakerView, null, camera('elsewhere'), { paused: true, layers: null }],
    [
      'the active speaker: best, even in a small tile',
      speakerView,
      'tiny',
      camera('tiny'),
      {
        paused: false,
        layers: { spatialLayer: 2 },
      },
    ],
    [
      'the active speaker off the grid: best',
      speakerView,
      'elsewhere',
      camera('elsewhere'),
      {
        paused: false,
        layers: { spatialLayer: 2 },
      },
    ],
    [
      'the active speaker without the speaker tile: their grid tile',
      gridOnly,
      'tiny',
      camera('tiny'),
      {
        paused: false,
        layers: { spatialLayer: 0 },
      },
    ],
    ['a screen on view: best', speakerView, null, screen('s'), { paused: false, layers: { spatialLayer: 2 } }],
    ['a screen off view: paused', gridOnly, null, screen('s'), { paused: true, layers: null }],
    [
      'after a report the browser’s own layer is ignored: the report wins',
      speakerView,
      'big',
      camera('big', { browserLayers: { spatialLayer: 0, temporalLayer: 0 } }),
      { paused: false, layers: { spatialLayer: 2 } },
    ],
    [
      'a small tile stays at the lowest layer though the browser asked for the best',
      speakerView,
      null,
      camera('tiny', { browserLayers: { spatialLayer: 2 } }),
      { paused: false, layers: { spatialLayer: 0 } },
    ],
    [
      'on view but held by the browser: paused, at the layer it will resume at',
      speakerView,
      null,
      camera('big', { heldByBrowser: true }),
      { paused: true, layers: { spatialLayer: 2 } },
    ],
  ])('%s', (_name, display, speaker, consumer, expected) => {
    expect(fitConsumer(display, speaker, consumer)).toEqual(expected);
  });
});

describe('layersDiffer', () => {
  it.each([
    [undefined, { spatialLayer: 0 }, true],
    [{ spatialLayer: 2, temporalLayer: 2 }, { spatialLayer: 2 }, false],
    [{ spatialLayer: 2, temporalLayer: 2 }, { spatialLayer: 0 }, true],
    [{ spatialLayer: 1, temporalLayer: 2 }, { spatialLayer: 1, temporalLayer: 0 }, true],
    [{ spatialLayer: 1, temporalLayer: 0 }, { spatialLayer: 1, temporalLayer: 0 }, false],
  ])('%j → %j: %s', (current, wanted, differs) => {
    expect(layersDiffer(current, wanted)).toBe(differs);
  });
});
