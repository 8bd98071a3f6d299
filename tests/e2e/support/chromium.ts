// How the tests and benchmarks launch Debian's Chromium: one place for the executable, the flags every test browser
// gets, and the fake camera, microphone and screen of the media tests.

/** Debian's Chromium (package chromium), never a downloaded build. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Every test browser: no sandbox (tests run as root in a container), no GPU, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A browser with a fake camera, microphone and screen, granted without a prompt. Several browsers encode and decode
 * video on two cores, so the fake camera runs at `fps` (15 by default; null leaves Chromium's own rate).
 */
export function fakeMediaLaunchOptions(options: { fps?: number | null; extraArgs?: readonly string[] } = {}): {
  executablePath: string;
  args: string[];
} {
  const fps = options.fps === undefined ? 15 : options.fps;
  return {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      fps === null ? '--use-fake-device-for-media-stream' : `--use-fake-device-for-media-stream=fps=${fps}`,
      ...(options.extraArgs ?? []),
    ],
  };
}
