/* The brand page: draws the growth charts from the series API for the chosen range and keeps them and
 * the scorecard current from the live stream. */
(function () {
  'use strict';

  var main = document.getElementById('main');
  var brand = main.getAttribute('data-brand');
  var base = '/api/v1/brands/' + encodeURIComponent(brand);
  // no days asked for: the server's default range (the first preset is pressed for it)
  var range = {};
  var latest = null;

  function query() {
    if (range.from && range.to) {
      return '?from=' + encodeURIComponent(range.from) + '&to=' + encodeURIComponent(range.to);
    }
    return range.days ? '?days=' + range.days : '';
  }

  function load() {
    return BS.fetchJson(base + '/series' + query()).then(function (series) {
      latest = series;
      document.getElementById('series-error').hidden = true;
      document.getElementById('range-label').textContent = 'Showing ' + series.from + ' to ' + series.to + '.';
      document.getElementById('range-from').value = series.from;
      document.getElementById('range-to').value = series.to;
      document.getElementById('csv-link').href = base + '/series.csv?from=' + series.from + '&to=' + series.to;
      drawGrowth(series);
      drawMultiples(series);
      fillGrowthTable(series);
      if (document.getElementById('metrics-table-details').open) {
        fillMetricsTable(series);
      }
    }).catch(function (e) {
      var error = document.getElementById('series-error');
      error.hidden = false;
      error.textContent = 'Could not load the series: ' + e.message;
    });
  }

  function drawGrowth(series) {
    var dual = document.getElementById('dual-axis').checked;
    var dates = series.dates;
    var audience = series.indexed.audience;
    var outcomes = series.indexed.outcomes;
    // Room above and below the lines, so a flat line never hides in the axis.
    var axisStyle = { axisLabel: { color: '#1d2430' }, nameTextStyle: { color: '#1d2430' },
      min: function (extent) { return Math.floor(extent.min - Math.max(2, (extent.max - extent.min) * 0.05)); },
      max: function (extent) { return Math.ceil(extent.max + Math.max(2, (extent.max - extent.min) * 0.05)); } };
    BS.chart(document.getElementById('growth-chart')).setOption({
      animation: false,
      aria: { enabled: true, label: { description: growthDescription(series) } },
      legend: { top: 0, textStyle: { color: '#1d2430' } },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 60, right: 60, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: dates, axisLabel: { color: '#1d2430' } },
      yAxis: dual
        ? [Object.assign({ type: 'value', name: 'Audience index' }, axisStyle),
          Object.assign({ type: 'value', name: 'Outcome index', position: 'right' }, axisStyle)]
        : [Object.assign({ type: 'value', name: 'Index (100 = start)' }, axisStyle)],
      series: [
        { name: 'Audience', type: 'line', data: audience, showSymbol: false, connectNulls: true, yAxisIndex: 0,
          lineStyle: { width: 2.5, color: BS.audienceColor }, itemStyle: { color: BS.audienceColor } },
        { name: 'Outcomes', type: 'line', data: outcomes, showSymbol: false, connectNulls: true, yAxisIndex: dual ? 1 : 0,
          lineStyle: { width: 2.5, type: 'dashed', color: BS.outcomesColor }, itemStyle: { color: BS.outcomesColor },
          markArea: campaignBands(series, true) }
      ]
    }, true);
  }

  /* The brand's campaigns (the server-rendered list, which says the same in words) as shaded bands over the
   * days of the range they cover: the campaign darker, its carry-over lighter. Dates are ISO days, so they
   * compare as strings. */
  function campaignBands(series, labelled) {
    var bands = [];
    function band(from, to, name, opacity) {
      var start = from < series.from ? series.from : from;
      var end = to > series.to ? series.to : to;
      if (start > end) {
        return;
      }
      bands.push([{ name: labelled ? name : '', xAxis: start, itemStyle: { color: 'rgba(11, 92, 173, ' + opacity + ')' } },
        { xAxis: end }]);
    }
    document.querySelectorAll('#campaigns .campaign-band').forEach(function (row) {
      var name = row.getAttribute('data-name');
      var end = row.getAttribute('data-end');
      band(row.getAttribute('data-start'), end, name, 0.16);
      var carryEnd = row.getAttribute('data-carry-end');
      if (carryEnd) {
        // from the campaign's last day on: bands on a category axis run between day centres, so this one
        // continues the campaign's without a gap
        band(end, carryEnd, '', 0.07);
      }
    });
    return { silent: true, label: { show: labelled, position: 'insideTop', color: '#1d2430', fontSize: 11 }, data: bands };
  }

  function lastKnown(values) {
    for (var i = values.length - 1; i >= 0; i--) {
      if (values[i] !== null) {
        return values[i];
      }
    }
    return null;
  }

  function firstKnown(values) {
    for (var i = 0; i < values.length; i++) {
      if (values[i] !== null) {
        return i;
      }
    }
    return -1;
  }

  function growthDescription(series) {
    var audience = lastKnown(series.indexed.audience);
    var outcomes = lastKnown(series.indexed.outcomes);
    return 'From ' + series.from + ' to ' + series.to + ' the audience index ended at '
      + (audience === null ? 'n/a' : audience.toFixed(1)) + ' and the outcome index at '
      + (outcomes === null ? 'n/a' : outcomes.toFixed(1)) + ' (100 at the start).';
  }

  function drawMultiples(series) {
    var container = document.getElementById('multiples');
    container.querySelectorAll('.chart').forEach(function (element) {
      var instance = echarts.getInstanceByDom(element);
      if (instance) {
        instance.dispose();
      }
    });
    container.replaceChildren();
    if (series.metrics.length === 0) {
      var empty = document.createElement('p');
      empty.textContent = 'No daily values in this range.';
      container.appendChild(empty);
      return;
    }
    series.metrics.forEach(function (metric) {
      var figure = document.createElement('figure');
      var caption = document.createElement('figcaption');
      var side = metric.category === 'VANITY' ? 'audience' : (metric.category === 'OUTCOME' ? 'outcome' : 'other');
      caption.textContent = metric.metric + ' (' + side + ', ' + metric.unit + ')';
      var chartElement = document.createElement('div');
      chartElement.className = 'chart';
      chartElement.setAttribute('role', 'img');
      var firstIndex = firstKnown(metric.values);
      var lastIndex = metric.values.length - 1;
      while (lastIndex > 0 && metric.values[lastIndex] === null) {
        lastIndex--;
      }
      chartElement.setAttribute('aria-label', metric.metric + ' from ' + BS.number(metric.values[firstIndex]) + ' on '
        + series.dates[firstIndex] + ' to ' + BS.number(metric.values[lastIndex]) + ' on ' + series.dates[lastIndex] + '.');
      figure.appendChild(caption);
      figure.appendChild(chartElement);
      container.appendChild(figure);
      var color = metric.category === 'VANITY' ? BS.audienceColor : BS.outcomesColor;
      BS.chart(chartElement).setOption({
        animation: false,
        grid: { left: 55, right: 10, top: 10, bottom: 25 },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        xAxis: { type: 'category', data: series.dates, axisLabel: { color: '#1d2430', hideOverlap: true } },
        yAxis: { type: 'value', scale: true, axisLabel: { color: '#1d2430' } },
        series: [{ name: metric.metric, type: 'line', showSymbol: false, connectNulls: true,
          lineStyle: { color: color }, itemStyle: { color: color }, data: metric.values,
          markArea: campaignBands(series, false) }]
      });
    });
  }

  function fillGrowthTable(series) {
    var body = document.querySelector('#growth-table tbody');
    body.replaceChildren();
    series.dates.forEach(function (date, i) {
      var audience = series.indexed.audience[i];
      var outcomes = series.indexed.outcomes[i];
      var row = document.createElement('tr');
      BS.cell(row, date, false, true);
      BS.cell(row, audience === null ? 'n/a' : audience.toFixed(1), true);
      BS.cell(row, outcomes === null ? 'n/a' : outcomes.toFixed(1), true);
      body.appendChild(row);
    });
  }

  function fillMetricsTable(series) {
    var table = document.getElementById('metrics-table');
    var head = document.createElement('tr');
    var dateHeader = document.createElement('th');
    dateHeader.scope = 'col';
    dateHeader.textContent = 'Date';
    head.appendChild(dateHeader);
    series.metrics.forEach(function (metric) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.className = 'num';
      th.textContent = metric.metric;
      head.appendChild(th);
    });
    table.tHead.replaceChildren(head);
    var body = table.tBodies[0];
    body.replaceChildren();
    series.dates.forEach(function (date, i) {
      var row = document.createElement('tr');
      BS.cell(row, date, false, true);
      series.metrics.forEach(function (metric) {
        var value = metric.values[i];
        BS.cell(row, value === null ? '' : BS.number(value), true);
      });
      body.appendChild(row);
    });
  }

  function refreshScorecard() {
    return BS.fetchHtml('/brands/' + encodeURIComponent(brand) + '/fragments/scorecard').then(function (html) {
      BS.swapFragment('scorecard', html);
    });
  }

  document.querySelectorAll('button.preset').forEach(function (button) {
    button.addEventListener('click', function () {
      range = { days: Number(button.getAttribute('data-days')) };
      document.querySelectorAll('button.preset').forEach(function (other) {
        other.setAttribute('aria-pressed', String(other === button));
      });
      load();
    });
  });
  document.getElementById('custom-range').addEventListener('submit', function (event) {
    event.preventDefault();
    range = { from: document.getElementById('range-from').value, to: document.getElementById('range-to').value };
    document.querySelectorAll('button.preset').forEach(function (other) {
      other.setAttribute('aria-pressed', 'false');
    });
    load();
  });
  document.getElementById('dual-axis').addEventListener('change', function () {
    if (latest) {
      drawGrowth(latest);
    }
  });
  document.getElementById('metrics-table-details').addEventListener('toggle', function (event) {
    if (event.target.open && latest) {
      fillMetricsTable(latest);
    }
  });

  load();
  var changed = BS.debounce(function () {
    load();
    refreshScorecard();
  }, 300);
  var campaignsChanged = BS.debounce(function () {
    BS.fetchHtml('/brands/' + encodeURIComponent(brand) + '/fragments/campaigns').then(function (html) {
      BS.swapFragment('campaigns', html);
      if (latest) {
        drawGrowth(latest);
        drawMultiples(latest);
      }
    });
  }, 300);
  BS.live(function (type, data) {
    if (data.brand !== brand) {
      return;
    }
    if (type === 'campaign') {
      campaignsChanged();
    }
    else {
      changed();
    }
  }, ['campaign']);
})();
