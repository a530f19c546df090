// Draws every <canvas data-chart="…"> with chart.js; the configuration is the one the PDF uses.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.Chart) return;

  // On a phone the radar's area names, drawn around the circle, run off both sides of the screen
  // (chart.js cannot fit a ring of long Danish words into 343 px and keep a circle to read). There
  // the points are numbered, and the numbered names follow the chart as a list, in full.
  function fitRadar(canvas, config) {
    if (config.type !== 'radar' || canvas.parentElement.clientWidth >= 600) return;
    var names = config.data.labels.map(function (label) {
      return [].concat(label).join(' ');
    });
    config.data.labels = names.map(function (_, i) {
      return String(i + 1);
    });
    var r = config.options.scales.r;
    r.pointLabels = Object.assign({}, r.pointLabels, { font: { size: 13, weight: 'bold' } });
    config.options.aspectRatio = 1;
    config.options.plugins = Object.assign({}, config.options.plugins, {
      tooltip: {
        callbacks: {
          title: function (items) {
            return items.length ? names[items[0].dataIndex] : '';
          },
        },
      },
    });
    var key = document.createElement('ol');
    key.className = 'radar-key';
    names.forEach(function (name) {
      var item = document.createElement('li');
      item.textContent = name;
      key.appendChild(item);
    });
    canvas.insertAdjacentElement('afterend', key);
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var config = JSON.parse(canvas.getAttribute('data-chart'));
    // A chart that fills a box of fixed height (the dashboard's .chart-box) says maintainAspectRatio: false.
    var keepRatio = !config.options || config.options.maintainAspectRatio !== false;
    config.options = Object.assign({}, config.options, { responsive: true, maintainAspectRatio: keepRatio });
    fitRadar(canvas, config);
    canvas.chart = new window.Chart(canvas, config);
    canvas.setAttribute('data-rendered', 'true');
  });
});
