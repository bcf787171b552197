// briefkit deck viewer: keyboard, click, touch and URL-fragment navigation for a Marp deck, an overview
// grid (o), and a presenter view (s, or deck.html?view=presenter) kept in step with the audience window.
// Works from file:// with no network. Override by placing viewer.js in your project's templates/deck/.
(function () {
  'use strict';
  var slides = Array.prototype.slice.call(document.querySelectorAll('.bk-deck svg[data-marpit-svg]'));
  if (slides.length === 0) return;
  var dataElement = document.getElementById('bk-deck-data');
  var data = dataElement ? JSON.parse(dataElement.textContent || '{}') : {};
  var slideData = data.slides || [];
  // The viewer's words, in the document's language (briefkit passes them; English where one is missing).
  var words = data.labels || {};
  function say(key, english, n) {
    var text = typeof words[key] === 'string' ? words[key] : english;
    return text.replace('{n}', String(n)).replace('{total}', String(slides.length));
  }
  var presenter = /(?:^|[?&])view=presenter(?:&|$)/.test(location.search);
  var current = 0;
  // What an earlier viewer of this window handed over when the preview refreshed the page in place (see stop()).
  var carried = window.briefkitDeckCarry || {};
  window.briefkitDeckCarry = undefined;
  // Listeners on the document and window, removed by stop(): the page's own elements go with the page.
  var listeners = [];
  function listen(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    listeners.push([target, type, handler, options]);
  }
  var progress = document.createElement('div');
  progress.className = 'bk-progress';
  document.body.appendChild(progress);

  // For screen readers: each slide is a labelled group ("4 of 19: Launch tempo"), and moving to another slide is
  // announced in a status region, since focus stays where it was. https://www.w3.org/WAI/ARIA/apg/patterns/carousel/
  function slideName(i) {
    var title = (slideData[i] || {}).title;
    return say('slideName', '{n} of {total}', i + 1) + (title ? ': ' + title : '');
  }
  var slideWord = say('slide', 'slide');
  slides.forEach(function (slide, i) {
    slide.setAttribute('role', 'group');
    slide.setAttribute('aria-roledescription', slideWord);
    slide.setAttribute('aria-label', slideName(i));
  });
  var status = document.createElement('div');
  status.className = 'bk-status';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);

  // Windows showing the same deck keep in step. Chromium lets file:// pages share a BroadcastChannel (and it
  // works for http(s) of one origin); a presenter window opened from the audience one also talks to it through
  // window.postMessage, which works where a browser gives every file:// page its own origin.
  var channelName = 'briefkit-deck:' + location.pathname;
  var channel = null;
  try { channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null; } catch (e) { channel = null; }
  var partner = carried.partner || null; // the presenter window this audience window opened

  function send(message) {
    message.bk = channelName;
    if (channel) channel.postMessage(message);
    var others = [window.opener, partner];
    for (var i = 0; i < others.length; i += 1) {
      try { if (others[i] && !others[i].closed) others[i].postMessage(message, '*'); } catch (e) { /* window gone */ }
    }
  }

  function receive(message) {
    if (!message || message.bk !== channelName) return;
    if (message.type === 'goto' && typeof message.index === 'number' && message.index !== current) {
      // The room follows the presenter: an overview left open on the audience screen closes.
      if (!presenter) toggleOverview(false);
      show(message.index, true, false);
    }
    else if (message.type === 'hello' && !presenter) send({ type: 'goto', index: current });
  }
  if (channel) channel.onmessage = function (event) { receive(event.data); };
  listen(window, 'message', function (event) { receive(event.data); });

  // #3 is the third slide; #outlook is the slide holding the element with that id (a section's heading, so a link
  // written for the report, [see](#outlook), opens that section's slide). Anything else opens the first slide.
  function indexFromHash() {
    var match = /^#(\d+)$/.exec(location.hash);
    if (match) return Math.min(Math.max(parseInt(match[1], 10) - 1, 0), slides.length - 1);
    var id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = location.hash.slice(1); }
    var target = id ? document.getElementById(id) : null;
    for (var i = 0; target && i < slides.length; i += 1) if (slides[i].contains(target)) return i;
    return 0;
  }

  function show(index, updateHash, broadcast) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, i) {
      var active = i === current;
      slide.classList.toggle('bk-active', active);
      slide.setAttribute('aria-hidden', active ? 'false' : 'true');
    });
    progress.style.width = ((current + 1) / slides.length) * 100 + '%';
    if (inOverview()) slides[current].scrollIntoView({ block: 'nearest' });
    if (updateHash && location.hash !== '#' + (current + 1)) history.replaceState(null, '', '#' + (current + 1));
    if (broadcast !== false || updateHash) status.textContent = slideWord.charAt(0).toUpperCase() + slideWord.slice(1) + ' ' + slideName(current);
    if (presenter) renderPresenter();
    if (broadcast !== false) send({ type: 'goto', index: current });
    document.dispatchEvent(new CustomEvent('bk:slide', { detail: { index: current, total: slides.length } }));
  }

  // ---- Overview grid: every slide as a thumbnail; click one (or move to it and press Enter) to go there.
  function inOverview() { return document.body.classList.contains('bk-overview'); }

  function toggleOverview(open) {
    var on = open === undefined ? !inOverview() : open;
    document.body.classList.toggle('bk-overview', on);
    if (on) slides[current].scrollIntoView({ block: 'center' });
  }

  // ---- Presenter view: current and next slide, notes, elapsed time and clock.
  var pv = null;
  var started = typeof carried.started === 'number' ? carried.started : Date.now();
  var pausedAt = typeof carried.pausedAt === 'number' ? carried.pausedAt : null;
  var ticking = null;

  function element(tag, className, parent) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (parent) parent.appendChild(el);
    return el;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function tick() {
    if (!pv) return;
    var ms = (pausedAt === null ? Date.now() : pausedAt) - started;
    var s = Math.floor(ms / 1000);
    pv.elapsed.textContent = two(Math.floor(s / 3600)) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
    pv.elapsed.classList.toggle('bk-pv-paused', pausedAt !== null);
    var now = new Date();
    pv.clock.textContent = two(now.getHours()) + ':' + two(now.getMinutes());
  }

  function buildPresenter() {
    document.body.classList.add('bk-presenter-mode');
    var root = element('div', 'bk-pv', document.body);
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', say('presenterView', 'Presenter view'));
    var main = element('div', 'bk-pv-main', root);
    var currentLabel = element('div', 'bk-pv-label', main);
    var currentPane = element('div', 'bk-pv-current marpit', main);
    var side = element('div', 'bk-pv-side', root);
    element('div', 'bk-pv-label', side).textContent = say('next', 'Next');
    var nextPane = element('div', 'bk-pv-next marpit', side);
    var timer = element('div', 'bk-pv-timer', side);
    var elapsed = element('button', 'bk-pv-elapsed', timer);
    elapsed.type = 'button';
    elapsed.title = say('timer', 'Pause or resume the timer (t); reset it with r');
    var clock = element('span', 'bk-pv-clock', timer);
    var notes = element('div', 'bk-pv-notes', root);
    notes.setAttribute('aria-live', 'polite');
    var bar = element('div', 'bk-pv-bar', root);
    var prev = element('button', 'bk-pv-prev', bar);
    prev.type = 'button';
    prev.textContent = say('previousButton', '◀ Previous');
    var next = element('button', 'bk-pv-next-button', bar);
    next.type = 'button';
    next.textContent = say('nextButton', 'Next ▶');
    var smaller = element('button', 'bk-pv-smaller', bar);
    smaller.type = 'button';
    smaller.textContent = 'A−';
    smaller.title = say('smallerNotes', 'Smaller notes (-)');
    var larger = element('button', 'bk-pv-larger', bar);
    larger.type = 'button';
    larger.textContent = 'A+';
    larger.title = say('largerNotes', 'Larger notes (+)');
    prev.addEventListener('click', function () { show(current - 1, true); });
    next.addEventListener('click', function () { show(current + 1, true); });
    smaller.addEventListener('click', function () { notesSize(-2); });
    larger.addEventListener('click', function () { notesSize(2); });
    elapsed.addEventListener('click', togglePause);
    // A button clicked with the mouse gives the focus back, or the presenter's next Space would press it again
    // instead of moving on. A button reached with Tab keeps it, for keyboard users.
    root.addEventListener('click', function (event) {
      var button = event.target && event.target.closest ? event.target.closest('button') : null;
      if (button && event.detail > 0) button.blur();
    });
    pv = { root: root, currentLabel: currentLabel, currentPane: currentPane, nextPane: nextPane, notes: notes, elapsed: elapsed, clock: clock, size: typeof carried.notesSize === 'number' ? carried.notesSize : 28 };
    notes.style.fontSize = pv.size + 'px';
    document.title = say('presenterView', 'Presenter view') + ' — ' + (data.title || document.title);
    tick();
    ticking = setInterval(tick, 500);
    send({ type: 'hello' });
  }

  function notesSize(delta) {
    pv.size = Math.min(Math.max(pv.size + delta, 14), 64);
    pv.notes.style.fontSize = pv.size + 'px';
  }

  function togglePause() {
    if (pausedAt === null) pausedAt = Date.now();
    else { started += Date.now() - pausedAt; pausedAt = null; }
    tick();
  }

  function renderPresenter() {
    if (!pv) return;
    var info = slideData[current] || {};
    pv.currentLabel.textContent = say('slideCounter', 'Slide {n} / {total}', current + 1) + (info.title ? ' · ' + info.title : '');
    pv.currentPane.replaceChildren(slides[current].cloneNode(true));
    var after = slides[current + 1];
    pv.nextPane.replaceChildren();
    if (after) pv.nextPane.appendChild(after.cloneNode(true));
    else element('p', 'bk-pv-end', pv.nextPane).textContent = say('endOfDeck', 'End of the deck');
    if (info.notes) pv.notes.innerHTML = info.notes;
    else {
      var none = element('p', 'bk-pv-none');
      none.textContent = say('noNotes', 'No notes for this slide.');
      pv.notes.replaceChildren(none);
    }
    pv.notes.scrollTop = 0;
  }

  function openPresenter() {
    var url = location.href.replace(/[?#].*$/, '') + '?view=presenter#' + (current + 1);
    partner = window.open(url, 'briefkit-presenter', 'popup,width=1280,height=800');
  }

  window.briefkitDeck = {
    get index() { return current; },
    get total() { return slides.length; },
    get presenter() { return presenter; },
    go: function (i) { show(i, true); },
    next: function () { show(current + 1, true); },
    prev: function () { show(current - 1, true); },
    overview: function (open) { toggleOverview(open); },
    openPresenter: openPresenter,
    // Ends this viewer (listeners, timer, channel) so a new one can run on new content in the same window: the
    // preview (briefkit serve) refreshes a deck in place this way instead of reloading it. The presenter's timer,
    // notes size and window carry over.
    stop: function () {
      listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2], l[3]); });
      listeners = [];
      if (ticking !== null) clearInterval(ticking);
      if (channel) { channel.onmessage = null; channel.close(); }
      window.briefkitDeckCarry = { partner: partner, started: started, pausedAt: pausedAt, notesSize: pv ? pv.size : undefined };
      window.briefkitDeck = undefined;
    }
  };

  listen(document, 'keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && target.tagName === 'BUTTON' && (event.key === ' ' || event.key === 'Enter')) return;
    switch (event.key) {
      case 'Enter':
        if (inOverview()) toggleOverview(false);
        else show(current + 1, true);
        break;
      case ' ': show(current + (event.shiftKey ? -1 : 1), true); break;
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'n':
        show(current + 1, true); break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': case 'p':
        show(current - 1, true); break;
      case 'Home': show(0, true); break;
      case 'End': show(slides.length - 1, true); break;
      case 'f':
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
        break;
      case 'o': case 'g': if (presenter) return; toggleOverview(); break;
      case 'Escape': if (!inOverview()) return; toggleOverview(false); break;
      case 's': if (presenter) return; openPresenter(); break;
      case 't': if (!presenter) return; togglePause(); break;
      case 'r': if (!presenter) return; started = Date.now(); if (pausedAt !== null) pausedAt = started; tick(); break;
      case '+': case '=': if (!presenter) return; notesSize(2); break;
      case '-': if (!presenter) return; notesSize(-2); break;
      default: return;
    }
    event.preventDefault();
  });

  listen(document, 'click', function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('a, button')) return;
    if (presenter) return;
    if (inOverview()) {
      var picked = target && target.closest ? target.closest('svg[data-marpit-svg]') : null;
      if (picked) {
        show(slides.indexOf(picked), true);
        toggleOverview(false);
      }
      return;
    }
    if (event.clientX < window.innerWidth / 3) show(current - 1, true);
    else show(current + 1, true);
  });

  var touchX = null;
  listen(document, 'touchstart', function (event) { touchX = event.touches[0].clientX; }, { passive: true });
  listen(document, 'touchend', function (event) {
    if (touchX === null) return;
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (inOverview()) return;
    if (Math.abs(dx) > 40) show(current + (dx < 0 ? 1 : -1), true);
  });

  listen(window, 'hashchange', function () { show(indexFromHash(), false); });
  if (presenter) buildPresenter();
  show(indexFromHash(), false, false);
})();
