/* Shared by the dashboard pages: verdict styles, formatting, fetching and the live-update stream.
 * Text from the server is only ever inserted with textContent or as ECharts canvas text, never as HTML. */
(function () {
  'use strict';

  var css = getComputedStyle(document.documentElement);
  function cssVar(name) {
    return css.getPropertyValue(name).trim();
  }

  /* A verdict's words come with the data (verdictLabel, as the server says them) and its colour is the
   * CSS variable its badges use (--v-vanity-trap for VANITY_TRAP); only the chart symbol, which a badge
   * has no use for, is kept here. The order is the legend's. */
  var verdictSymbols = {
    BRAND_BUILDER: 'circle', VANITY_TRAP: 'triangle', QUIET_PERFORMER: 'diamond', DECLINING: 'rect',
    STEADY: 'roundRect', INSUFFICIENT_DATA: 'pin'
  };

  function verdictColor(verdict) {
    return cssVar('--v-' + verdict.toLowerCase().replace(/_/g, '-'));
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"'`]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }[c];
    });
  }

  function percent(value) {
    return (value === null || value === undefined) ? 'n/a' : (value >= 0 ? '+' : '') + value.toFixed(1) + ' %';
  }

  /* A side's trend in one word, as the server words it. */
  function trend(value) {
    return value ? String(value).toLowerCase() : 'unknown';
  }

  function number(value) {
    if (value === null || value === undefined) {
      return 'n/a';
    }
    return Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 3 });
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(problem.detail || ('HTTP ' + response.status));
        });
      }
      return response.json();
    });
  }

  function fetchHtml(url) {
    return fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      if (response.redirected && new URL(response.url).pathname === '/login') {
        // the session expired: a fresh page asks the user to sign in again
        window.location.reload();
        throw new Error('signed out');
      }
      return response.text();
    });
  }

  /* Replaces an element with the same-id element of a server-rendered (Thymeleaf-escaped) fragment. */
  function swapFragment(id, html) {
    var parsed = new DOMParser().parseFromString(html, 'text/html');
    var fresh = parsed.getElementById(id);
    var current = document.getElementById(id);
    if (fresh && current) {
      var focusedId = document.activeElement && document.activeElement.id;
      current.replaceWith(document.importNode(fresh, true));
      if (focusedId && document.getElementById(focusedId)) {
        document.getElementById(focusedId).focus();
      }
    }
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  /* Calls fn once, ms after the first of any number of calls: unlike debounce, a steady stream of calls
     cannot postpone it for ever. */
  function throttle(fn, ms) {
    var timer = null;
    return function () {
      if (timer === null) {
        timer = setTimeout(function () { timer = null; fn(); }, ms);
      }
    };
  }

  /* Opens the server-sent event stream; calls onChange(type, data) for 'scorecard' and 'rollup' events, and for
   * those of the extra types a page asks for (such as 'campaign'). */
  function live(onChange, extraTypes) {
    var status = document.getElementById('live-status');
    function show(text) {
      if (status) {
        status.textContent = text;
      }
    }
    if (!window.EventSource) {
      show('Live updates: not supported by this browser');
      return;
    }
    var source = new EventSource('/api/v1/stream');
    source.onopen = function () { show('Live updates: on'); };
    source.onerror = function () {
      // EventSource gives up for good on a 401 (session expired); it retries by itself otherwise
      show(source.readyState === EventSource.CLOSED ? 'Live updates: off (signed out, reload to sign in)'
        : 'Live updates: reconnecting…');
    };
    ['scorecard', 'rollup'].concat(extraTypes || []).forEach(function (type) {
      source.addEventListener(type, function (event) {
        var data;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        onChange(type, data);
      });
    });
    // Not on 'beforeunload': a download link fires it too, and the page stays.
    window.addEventListener('pagehide', function () { source.close(); });
  }

  function chart(element) {
    var existing = echarts.getInstanceByDom(element);
    var instance = existing || echarts.init(element, null, { renderer: 'canvas' });
    if (!existing) {
      window.addEventListener('resize', function () { instance.resize(); });
    }
    return instance;
  }

  function cell(row, text, numeric, header) {
    var element = document.createElement(header ? 'th' : 'td');
    if (header) {
      element.scope = 'row';
    }
    if (numeric) {
      element.className = 'num';
    }
    element.textContent = text;
    row.appendChild(element);
    return element;
  }

  window.BS = {
    verdictSymbols: verdictSymbols, verdictColor: verdictColor, escapeHtml: escapeHtml, percent: percent, trend: trend, number: number, fetchJson: fetchJson,
    fetchHtml: fetchHtml, swapFragment: swapFragment, debounce: debounce, throttle: throttle, live: live, chart: chart, cell: cell,
    audienceColor: cssVar('--audience'), outcomesColor: cssVar('--outcomes')
  };
})();
