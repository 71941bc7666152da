/* The overview page: draws the quadrant from the brands API and keeps it and the leaderboard current. */
(function () {
  'use strict';

  var quadrant = document.getElementById('quadrant');

  function drawQuadrant(brands) {
    var plotted = brands.filter(function (b) {
      return b.vanityGrowthPercent !== null && b.outcomeGrowthPercent !== null;
    });
    // one series per verdict that some brand has, named in the words the API gives with each brand
    var series = Object.keys(BS.verdictSymbols).map(function (verdict) {
      var members = plotted.filter(function (b) { return b.verdict === verdict; });
      if (members.length === 0) {
        return null;
      }
      return {
        name: members[0].verdictLabel,
        type: 'scatter',
        symbol: BS.verdictSymbols[verdict],
        symbolSize: 14,
        itemStyle: { color: BS.verdictColor(verdict), borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true, position: 'right', color: '#1d2430', fontSize: 12,
          formatter: function (p) { return p.data.brand + ' (' + p.data.verdictLabel + ')'; }
        },
        labelLayout: { hideOverlap: true },
        data: members.map(function (b) {
          return { value: [b.vanityGrowthPercent, b.outcomeGrowthPercent], brand: b.brand, verdictLabel: b.verdictLabel,
            vanitySummary: b.vanitySummary, outcomeSummary: b.outcomeSummary,
            vanityIndex: b.vanityIndex, impactScore: b.impactScore };
        })
      };
    }).filter(function (s) { return s !== null; });
    var bars = errorBars(plotted);
    series.push(bars);
    bars.markLine = {
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
          if (!d.brand) {
            return '';
          }
          return '<strong>' + BS.escapeHtml(d.brand) + '</strong><br>' + BS.escapeHtml(d.verdictLabel)
            + '<br>' + BS.escapeHtml(d.vanitySummary)
            + '<br>' + BS.escapeHtml(d.outcomeSummary)
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

  /* The 95 % interval of each brand's growth as a cross of thin lines through its point; the axes stretch to
   * hold the whole interval. A brand whose margin is unknown gets no bar on that side. */
  function errorBars(plotted) {
    function margin(value) {
      return (value === null || value === undefined) ? 0 : Math.abs(value);
    }
    return {
      name: '95 % interval', type: 'custom', silent: true, z: 1,
      itemStyle: { color: '#4a5361' },
      encode: { x: [2, 3], y: [4, 5], tooltip: [] },
      data: plotted.map(function (b) {
        var x = b.vanityGrowthPercent, y = b.outcomeGrowthPercent;
        var mx = margin(b.vanityMarginPercent), my = margin(b.outcomeMarginPercent);
        return [x, y, x - mx, x + mx, y - my, y + my];
      }),
      renderItem: function (params, api) {
        var centre = api.coord([api.value(0), api.value(1)]);
        var left = api.coord([api.value(2), api.value(1)]), right = api.coord([api.value(3), api.value(1)]);
        var low = api.coord([api.value(0), api.value(4)]), high = api.coord([api.value(0), api.value(5)]);
        var style = { stroke: '#4a5361', lineWidth: 1.5 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: left[0], y1: centre[1], x2: right[0], y2: centre[1] }, style: style },
          { type: 'line', shape: { x1: centre[0], y1: low[1], x2: centre[0], y2: high[1] }, style: style }
        ] };
      }
    };
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
      return b.brand + ': ' + b.verdictLabel + ', audience ' + b.vanityGrowth + ' ('
        + BS.trend(b.vanityTrend) + '), outcomes ' + b.outcomeGrowth + ' (' + BS.trend(b.outcomeTrend) + ')';
    }).join('; ') + '.';
  }

  function fillTable(brands) {
    var body = document.querySelector('#quadrant-table tbody');
    body.replaceChildren();
    brands.forEach(function (b) {
      var row = document.createElement('tr');
      BS.cell(row, b.brand, false, true);
      BS.cell(row, b.verdictLabel, false);
      BS.cell(row, b.vanityGrowth, true);
      BS.cell(row, b.outcomeGrowth, true);
      BS.cell(row, b.vanitySummary, false);
      BS.cell(row, b.outcomeSummary, false);
      body.appendChild(row);
    });
  }

  /* The page of the leaderboard this overview shows: the quadrant plots the same brands, and live updates
   * touch only these. */
  function shownPage() {
    var board = document.getElementById('leaderboard');
    var query = new URLSearchParams();
    if (board.dataset.verdict) {
      query.set('verdict', board.dataset.verdict);
    }
    query.set('sort', board.dataset.sort);
    query.set('limit', board.dataset.limit);
    query.set('offset', board.dataset.offset);
    return { sort: board.dataset.sort, verdict: board.dataset.verdict || null, query: query.toString() };
  }

  var page = shownPage();
  var shown = [];

  function refreshQuadrant() {
    return BS.fetchJson('/api/v1/brands?' + page.query).then(function (brands) {
      shown = brands;
      drawQuadrant(brands);
    }).catch(function (e) {
      var note = document.getElementById('quadrant-unplotted');
      note.hidden = false;
      note.textContent = 'Could not load the brands: ' + e.message;
    });
  }

  function rowOf(brand) {
    var rows = document.querySelectorAll('#leaderboard tbody tr[data-brand]');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-brand') === brand) {
        return rows[i];
      }
    }
    return null;
  }

  function showStale() {
    document.getElementById('leaderboard-stale').hidden = false;
  }

  /* Whether a brand's new scorecard may move it on or off this page, or change the counts per verdict: then
   * the reader is offered a reload rather than the rows reshuffling under their eyes. */
  function movesOrRecounts(before, after) {
    if (!before || before.verdict !== after.verdict) {
      return true;
    }
    if (page.verdict !== null && page.verdict !== after.verdict) {
      return true;
    }
    return (page.sort === 'impactScore' && before.impactScore !== after.impactScore)
      || (page.sort === 'vanityIndex' && before.vanityIndex !== after.vanityIndex);
  }

  /* Brands of this page whose row is to be fetched again, each once however many events name it. */
  var pendingRows = {};

  var flushRows = BS.throttle(function () {
    var brands = Object.keys(pendingRows);
    pendingRows = {};
    brands.forEach(function (brand) {
      BS.fetchHtml('/fragments/leaderboard/rows/' + encodeURIComponent(brand)).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('tr[data-brand]');
        var current = rowOf(brand);
        if (fresh && current && fresh.getAttribute('data-brand') === brand) {
          current.replaceWith(document.importNode(fresh, true));
        }
      }).catch(showStale);
    });
  }, 1000);

  var redrawQuadrant = BS.throttle(function () { drawQuadrant(shown); }, 1000);

  function onChange(type, data) {
    if (!data || typeof data.brand !== 'string') {
      return;
    }
    var onPage = rowOf(data.brand) !== null;
    if (type === 'scorecard') {
      var index = -1;
      shown.forEach(function (b, i) {
        if (b.brand === data.brand) {
          index = i;
        }
      });
      if (!onPage || movesOrRecounts(index >= 0 ? shown[index] : null, data)) {
        showStale();
      }
      if (index >= 0) {
        // the event carries the brand's new headline numbers: the quadrant needs no request
        shown[index] = data;
        redrawQuadrant();
      }
    }
    if (onPage) {
      pendingRows[data.brand] = true;
      flushRows();
    }
  }

  refreshQuadrant();
  // A change of a brand this page does not show costs nothing but the reload note; one it shows costs one
  // request for that brand's row (issue 12, finding 7: no overview refetches whole on every change).
  BS.live(onChange);
})();
