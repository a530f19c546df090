import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, ChartConfiguration, ChartItem, registerables } from 'chart.js';

export const FONT_FAMILY = 'IBM Plex Sans';

/** IBM Plex Sans from the DKFDS package, the typeface of the web UI; its exports expose only the JS bundle. */
export function plexFontPath(weight: 'Regular' | 'Bold'): string {
  const dkfds = dirname(dirname(dirname(require.resolve('dkfds'))));
  return join(dkfds, 'dist', 'fonts', 'IBMPlexSans', 'complete', 'ttf', `IBMPlexSans-${weight}.ttf`);
}

let ready = false;

/** Chart.js and the font are process-wide state: set them up once, on first use. */
function setUp() {
  if (ready) return;
  Chart.register(...registerables);
  GlobalFonts.registerFromPath(plexFontPath('Regular'), FONT_FAMILY);
  GlobalFonts.registerFromPath(plexFontPath('Bold'), FONT_FAMILY);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = '#1a1a1a';
  ready = true;
}

/**
 * Draws a chart.js configuration on a server-side canvas and returns it as PNG. `scale` multiplies
 * the pixel density (the PNG is width·scale × height·scale) so charts stay sharp when printed.
 */
export async function renderChartPng(
  config: ChartConfiguration,
  width = 800,
  height = 500,
  scale = 1,
): Promise<Buffer> {
  setUp();
  const canvas = createCanvas(width, height);
  // Off the DOM chart.js uses its basic platform, which needs only the canvas' 2D context API.
  const chart = new Chart(
    canvas as unknown as ChartItem,
    {
      ...config,
      options: { ...config.options, animation: false, responsive: false, devicePixelRatio: scale },
      // A white background, because PNGs are transparent and PDF viewers may show them on grey.
      plugins: [
        ...(config.plugins ?? []),
        {
          id: 'whiteBackground',
          beforeDraw: (c) => {
            const ctx = c.ctx;
            ctx.save();
            ctx.fillStyle = '#ffffff';
            ctx.fillRect(0, 0, c.width, c.height);
            ctx.restore();
          },
        },
      ],
    } as ChartConfiguration,
  );
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
