// SLA compliance (docs/specification.md §14): one Chart.js chart per team, the share of response-time targets met
// per week for standard and emergency issues, read from the team's table below it, so the page says the same without
// JavaScript. Each bar carries its percentage; a week without a decided target shows a dash instead of a bar.
(function () {
  'use strict';
  if (!window.Chart) {
    return;
  }
  var KINDS = [
    { kind: 'standard', label: 'Standard issues', colour: '#1f5fa8' },
    { kind: 'emergency', label: 'Emergency issues', colour: '#c2410c' }
  ];
  window.Chart.defaults.font.size = 13;
  window.Chart.defaults.color = '#1d2733';

  // Writes each bar's percentage above it, or a dash where the week had no decided target of that kind.
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart) {
      var context = chart.ctx;
      context.save();
      context.textAlign = 'center';
      context.textBaseline = 'bottom';
      context.font = 'bold 13px system-ui, sans-serif';
      chart.data.datasets.forEach(function (dataset, index) {
        var meta = chart.getDatasetMeta(index);
        if (meta.hidden) {
          return;
        }
        meta.data.forEach(function (bar, week) {
          var value = dataset.data[week];
          context.fillStyle = value === null ? '#52606d' : '#1d2733';
          var y = value === null ? chart.scales.y.getPixelForValue(0) - 2 : bar.y - 3;
          context.fillText(value === null ? '–' : value + ' %', bar.x, y);
        });
      });
      context.restore();
    }
  };

  document.querySelectorAll('section.team-compliance').forEach(function (section) {
    var canvas = section.querySelector('canvas');
    var rows = Array.prototype.slice.call(section.querySelectorAll('table.compliance tbody tr'));
    var cell = function (row, kind) {
      return row.querySelector('td[data-kind="' + kind + '"]');
    };
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (row) { return row.getAttribute('data-label'); }),
        datasets: KINDS.map(function (kind) {
          return {
            label: kind.label,
            backgroundColor: kind.colour,
            data: rows.map(function (row) {
              var percent = cell(row, kind.kind).getAttribute('data-percent');
              return percent === null ? null : Number(percent);
            }),
            words: rows.map(function (row) { return cell(row, kind.kind).textContent; })
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        layout: { padding: { top: 22 } },
        scales: {
          y: {
            min: 0,
            max: 100,
            ticks: { stepSize: 25, callback: function (value) { return value + ' %'; } },
            title: { display: true, text: 'Targets met' }
          },
          x: { title: { display: true, text: 'Week starting' }, grid: { display: false } }
        },
        plugins: {
          // Below the weeks: above, it would sit where a full bar writes its 100 %.
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ': ' + item.dataset.words[item.dataIndex];
              }
            }
          }
        }
      },
      plugins: [valueLabels]
    });
    canvas.setAttribute('data-drawn', chart.data.labels.length);
  });
})();
