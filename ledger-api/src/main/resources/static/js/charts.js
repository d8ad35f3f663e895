// Draws every element with a data-echarts attribute (an ECharts option as JSON, written by the server).
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  document.querySelectorAll('[data-echarts]').forEach(function (element) {
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(JSON.parse(element.getAttribute('data-echarts')));
    element.setAttribute('data-drawn', 'true');
    charts.push(chart);
  });
  function resize() {
    charts.forEach(function (chart) { chart.resize(); });
  }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
