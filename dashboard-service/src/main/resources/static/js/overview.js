/* The overview page: draws the quadrant from the brands API and keeps it and the leaderboard current. */
(function () {
  'use strict';

  var quadrant = document.getElementById('quadrant');

  function drawQuadrant(brands) {
    var plotted = brands.filter(function (b) {
      return b.vanityGrowthPercent !== null && b.outcomeGrowthPercent !== null;
    });
    var series = Object.keys(BS.verdicts).map(function (verdict) {
      var style = BS.verdicts[verdict];
      return {
        name: style.label,
        type: 'scatter',
        symbol: style.symbol,
        symbolSize: 14,
        itemStyle: { color: style.color, borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true, position: 'right', color: '#1d2430', fontSize: 12,
          formatter: function (p) { return p.data.brand + ' (' + style.label + ')'; }
        },
        labelLayout: { hideOverlap: true },
        data: plotted.filter(function (b) { return b.verdict === verdict; }).map(function (b) {
          return { value: [b.vanityGrowthPercent, b.outcomeGrowthPercent], brand: b.brand, verdictLabel: style.label,
            vanityIndex: b.vanityIndex, impactScore: b.impactScore };
        })
      };
    });
    series[0].markLine = {
      silent: true, symbol: 'none', lineStyle: { color: '#4a5361', type: 'dashed' }, label: { show: false },
      data: [{ xAxis: 0 }, { yAxis: 0 }]
    };
    BS.chart(quadrant).setOption({
      animation: false,
      aria: { enabled: true, label: { description: quadrantDescription(plotted) } },
      grid: { left: 70, right: 160, top: 50, bottom: 60 },
      legend: { top: 0, textStyle: { color: '#1d2430' } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var d = p.data;
          return '<strong>' + BS.escapeHtml(d.brand) + '</strong><br>' + BS.escapeHtml(d.verdictLabel)
            + '<br>Audience growth ' + BS.escapeHtml(BS.percent(d.value[0]))
            + '<br>Outcome growth ' + BS.escapeHtml(BS.percent(d.value[1]))
            + '<br>Vanity index ' + d.vanityIndex.toFixed(1) + ', impact score ' + d.impactScore.toFixed(1);
        }
      },
      xAxis: { type: 'value', name: 'Audience growth (%)', nameLocation: 'middle', nameGap: 30,
        min: paddedMin, max: paddedMax, axisLabel: { color: '#1d2430' }, nameTextStyle: { color: '#1d2430' } },
      yAxis: { type: 'value', name: 'Outcome growth (%)', nameLocation: 'middle', nameGap: 50,
        min: paddedMin, max: paddedMax, axisLabel: { color: '#1d2430' }, nameTextStyle: { color: '#1d2430' } },
      series: series
    }, true);
    var unplotted = brands.filter(function (b) { return plotted.indexOf(b) < 0; });
    var note = document.getElementById('quadrant-unplotted');
    note.hidden = unplotted.length === 0;
    note.textContent = unplotted.length === 0 ? '' : 'Not plotted for want of growth data: '
      + unplotted.map(function (b) { return b.brand; }).join(', ') + '.';
    fillTable(brands);
  }

  /* Axes always include 0 (the quadrant lines) and leave room around the outermost points. */
  function padding(extent) {
    return Math.max(5, (Math.max(0, extent.max) - Math.min(0, extent.min)) * 0.1);
  }

  function paddedMin(extent) {
    return Math.floor(Math.min(0, extent.min) - padding(extent));
  }

  function paddedMax(extent) {
    return Math.ceil(Math.max(0, extent.max) + padding(extent));
  }

  function quadrantDescription(plotted) {
    if (plotted.length === 0) {
      return 'No brand has growth data yet.';
    }
    return 'Quadrant of ' + plotted.length + ' brands. ' + plotted.map(function (b) {
      return b.brand + ': ' + BS.verdicts[b.verdict].label + ', audience ' + BS.percent(b.vanityGrowthPercent)
        + ', outcomes ' + BS.percent(b.outcomeGrowthPercent);
    }).join('; ') + '.';
  }

  function fillTable(brands) {
    var body = document.querySelector('#quadrant-table tbody');
    body.replaceChildren();
    brands.forEach(function (b) {
      var row = document.createElement('tr');
      BS.cell(row, b.brand, false, true);
      BS.cell(row, b.verdictLabel, false);
      BS.cell(row, BS.percent(b.vanityGrowthPercent), true);
      BS.cell(row, BS.percent(b.outcomeGrowthPercent), true);
      body.appendChild(row);
    });
  }

  function refreshQuadrant() {
    return BS.fetchJson('/api/v1/brands').then(drawQuadrant).catch(function (e) {
      var note = document.getElementById('quadrant-unplotted');
      note.hidden = false;
      note.textContent = 'Could not load the brands: ' + e.message;
    });
  }

  function refreshLeaderboard() {
    return BS.fetchHtml('/fragments/leaderboard' + window.location.search).then(function (html) {
      BS.swapFragment('leaderboard', html);
    });
  }

  refreshQuadrant();
  BS.live(BS.debounce(function (type) {
    refreshQuadrant();
    refreshLeaderboard();
  }, 300));
})();
