const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The stand-alone HTML report (the `.html` download): DKFDS styling, and chart.js in the browser
 * drawing the same chart configurations as the PDF.
 */
export function reportPage(title: string, fragment: string): string {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)}</title>
    <link rel="stylesheet" href="/assets/dkfds/css/dkfds.min.css" />
  </head>
  <body>
    <main class="container page-container" id="main-content">
<!--report-->${fragment}<!--/report-->
    </main>
    <script src="/assets/chartjs/chart.umd.js"></script>
    <script src="/assets/app/report-charts.js"></script>
  </body>
</html>`;
}

/** The report itself from a stored page, for showing it inside the web UI's own layout. */
export function reportFragment(page: string): string {
  const start = page.indexOf('<!--report-->');
  const end = page.indexOf('<!--/report-->');
  return start < 0 || end < 0 ? '' : page.slice(start + '<!--report-->'.length, end);
}

/**
 * A report fragment cut after its heading block (the H1, subtitle and date), so that a page can
 * put its own content, such as the download links, right under the H1. Without a heading block
 * everything is the second part.
 */
export function splitAfterHeading(fragment: string): [string, string] {
  const end = fragment.indexOf('</header>');
  if (end < 0) return ['', fragment];
  const cut = end + '</header>'.length;
  return [fragment.slice(0, cut), fragment.slice(cut)];
}
