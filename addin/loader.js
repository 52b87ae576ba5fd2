/* CareLint's first script, in plain ES5 so that every webview Office uses can parse it. The page's bundle
   (taskpane.js) is modern JavaScript: Office 2016 and 2019 without Microsoft 365 show add-ins in Internet Explorer
   (Trident) or the old Edge (EdgeHTML), which cannot parse it and would leave "Loading CareLint…" forever. This
   checks the engine first and explains what is needed instead. Keep it ES5: test/addin/word-loader.test.ts parses
   it as ES5 and runs it in an old and a new engine. */
(function () {
  'use strict';
  var started = false;

  /** The newest built-ins the bundle relies on (ES2019 to ES2022); an engine without them cannot run it. */
  function modernEnough() {
    try {
      return (
        typeof Promise === 'function' &&
        typeof Promise.prototype['finally'] === 'function' &&
        typeof Object.fromEntries === 'function' &&
        typeof Array.prototype.flatMap === 'function' &&
        typeof String.prototype.matchAll === 'function' &&
        typeof Array.prototype.at === 'function' &&
        typeof Object.hasOwn === 'function' &&
        typeof globalThis === 'object'
      );
    } catch (e) {
      return false;
    }
  }

  function explain() {
    var app = document.getElementById('app');
    if (!app) return;
    var message = document.createElement('div');
    message.className = 'cl-error';
    message.setAttribute('role', 'alert');
    var title = document.createElement('p');
    title.textContent = 'CareLint cannot run in this version of Office.';
    var detail = document.createElement('p');
    detail.textContent =
      'This Word shows add-ins in an older browser engine (Internet Explorer or the previous ' +
      'Microsoft Edge, used by Office 2016 and Office 2019 without Microsoft 365). CareLint needs Microsoft 365 or ' +
      'Office 2021 or later on Windows (with the Microsoft Edge WebView2 runtime), Word on the web, or Word on a ' +
      'current Mac. Your document has not been changed and nothing was sent anywhere.';
    message.appendChild(title);
    message.appendChild(detail);
    while (app.firstChild) app.removeChild(app.firstChild);
    app.appendChild(message);
    app.removeAttribute('aria-busy');
  }

  if (!modernEnough()) {
    explain();
    return;
  }
  // An engine that has the built-ins but still cannot parse the bundle reports a SyntaxError before the script's
  // load event: explain then too.
  window.addEventListener('error', function (event) {
    if (!started && event && typeof event.filename === 'string' && /taskpane\.js(\?|$)/.test(event.filename)) explain();
  });
  var script = document.createElement('script');
  script.src = 'taskpane.js';
  script.onload = function () {
    started = true;
  };
  document.head.appendChild(script);
})();
