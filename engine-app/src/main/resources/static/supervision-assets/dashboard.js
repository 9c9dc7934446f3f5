// Charts of the supervisors' dashboard; the data comes embedded in the page (window.DASHBOARD).
(function () {
  // 督办 from a row: a plain form posts it; with scripts on, the supervisor confirms first
  Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
})();

(function () {
  var data = window.DASHBOARD || {};
  if (typeof echarts === 'undefined') {
    return; // the lists and figures are in the page itself; only the charts need the library
  }
  var text = { color: '#e6eef8' };
  var axis = { axisLabel: { color: '#8fa6c2' }, axisLine: { lineStyle: { color: '#23406a' } }, splitLine: { lineStyle: { color: '#1a3354' } } };

  var departments = echarts.init(document.getElementById('chart-departments'));
  departments.setOption({
    textStyle: text,
    tooltip: { trigger: 'axis' },
    legend: { data: ['红灯办件', '黄灯办件'], textStyle: text },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: Object.assign({ type: 'value', minInterval: 1 }, axis),
    yAxis: Object.assign({ type: 'category', data: data.departments || [] }, axis),
    series: [
      { name: '红灯办件', type: 'bar', stack: 'late', data: data.red || [], itemStyle: { color: '#e5484d' } },
      { name: '黄灯办件', type: 'bar', stack: 'late', data: data.yellow || [], itemStyle: { color: '#f5b83d' } }
    ]
  });

  var trend = echarts.init(document.getElementById('chart-trend'));
  trend.setOption({
    textStyle: text,
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理', '超期'], textStyle: text },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: Object.assign({ type: 'category', data: (data.weeks || []).map(function (w) { return w + ' 周'; }) }, axis),
    yAxis: Object.assign({ type: 'value', minInterval: 1 }, axis),
    series: [
      { name: '受理', type: 'line', data: data.weekCases || [], itemStyle: { color: '#4ea1ff' } },
      { name: '超期', type: 'line', data: data.weekOverdue || [], itemStyle: { color: '#e5484d' } }
    ]
  });

  window.addEventListener('resize', function () { departments.resize(); trend.resize(); });
})();
