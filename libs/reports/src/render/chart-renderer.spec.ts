import { trendChart } from '../charts/trend.chart';
import { renderChartPng } from './chart-renderer';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe(renderChartPng.name, () => {
  const config = trendChart([
    { year: 2024, own: 3.1, national: 2.9, nationalSuppressed: false },
    { year: 2025, own: 3.36, national: 3.01, nationalSuppressed: false },
  ]);

  it('returns a PNG of the requested size', async () => {
    const png = await renderChartPng(config, 640, 360);
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    // IHDR: width and height as big-endian 32-bit integers right after the chunk type.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  });

  it('multiplies the pixels by the scale for print', async () => {
    const png = await renderChartPng(config, 400, 250, 2);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 500]);
  });
});
