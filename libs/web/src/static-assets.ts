import { dirname, join } from 'node:path';

/** DKFDS's built CSS, JS, fonts and icons, served as they ship. */
export const DKFDS_DIST = join(dirname(require.resolve('dkfds')), '..');
/** The platform's own small scripts. */
export const APP_ASSETS = join(__dirname, '..', 'assets');
/** chart.js's browser build (chart.umd.js), for the charts on report pages. */
export const CHARTJS_DIST = join(dirname(require.resolve('chart.js')), '..', 'dist');
