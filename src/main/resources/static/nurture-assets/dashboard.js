// Draws the dashboard's charts from the report JSON the server embedded in the page (no further requests).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var charts = {};

  function draw(id, option) {
    var element = document.getElementById(id);
    var chart = echarts.init(element);
    chart.setOption(option);
    charts[id] = chart;
    element.setAttribute('data-rendered', 'true');
  }

  var stages = data.funnel.stages;
  draw('chart-funnel', {
    tooltip: { trigger: 'item', formatter: '{b}: {c} entries' },
    series: [{
      type: 'funnel', sort: 'none', minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', formatter: '{b}: {c}' },
      data: stages.map(function (s) { return { name: s.stage, value: s.entries }; })
    }]
  });

  var convertible = stages.slice(0, stages.length - 1);
  draw('chart-conversion', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : v + ' %'; } },
    xAxis: { type: 'category', data: convertible.map(function (s, i) { return s.stage + '→' + stages[i + 1].stage; }),
             axisLabel: { interval: 0, fontSize: 10, rotate: 20 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [{ type: 'bar', name: 'converted', label: { show: true, position: 'top', formatter: '{c} %' },
      data: convertible.map(function (s) {
        return s.conversionRate == null ? null : Math.round(s.conversionRate * 1000) / 10;
      }) }]
  });

  var months = data.velocity.months;
  var pairs = data.velocity.overall.map(function (step) { return step.fromStage + '→' + step.toStage; });
  draw('chart-velocity', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : v + ' days'; } },
    legend: { type: 'scroll', top: 0 },
    grid: { top: 40 },
    xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
    yAxis: { type: 'value', name: 'days' },
    series: pairs.map(function (pair, index) {
      return { name: pair, type: 'line', connectNulls: true,
        data: months.map(function (m) { return m.steps[index].averageDays; }) };
    })
  });

  var buckets = data.nurture.newLeadScores.buckets;
  draw('chart-scores', {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: 'score', data: buckets.map(function (b) { return b.range; }) },
    yAxis: { type: 'value', name: 'new leads', minInterval: 1 },
    series: [{ type: 'bar', name: 'new leads', data: buckets.map(function (b) { return b.leads; }) }]
  });

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  window.nurtureCharts = charts;
}());
