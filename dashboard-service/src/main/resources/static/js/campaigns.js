/* The campaign page and the portfolio: both are drawn on the server and work without this script; it only says,
 * from the live stream, that a campaign shown has changed since the page was loaded. */
(function () {
  'use strict';

  var main = document.getElementById('main');
  var brand = main.getAttribute('data-brand');
  var campaign = main.getAttribute('data-campaign');
  var stale = document.getElementById('campaign-stale');

  BS.live(function (type, data) {
    if (type !== 'campaign' || !stale) {
      return;
    }
    // the campaign page cares about its own campaign, the portfolio about any
    if (!campaign || (data.brand === brand && data.id === campaign)) {
      stale.hidden = false;
    }
  }, ['campaign']);
})();
