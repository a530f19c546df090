// Draws every <canvas data-chart="…"> with chart.js; the configuration is the one the PDF uses.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.Chart) return;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var config = JSON.parse(canvas.getAttribute('data-chart'));
    config.options = Object.assign({}, config.options, { responsive: true, maintainAspectRatio: true });
    canvas.chart = new window.Chart(canvas, config);
    canvas.setAttribute('data-rendered', 'true');
  });
});
