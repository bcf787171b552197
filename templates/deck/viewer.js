// briefkit deck viewer: keyboard, click, touch and URL-fragment navigation for a Marp deck.
// Works from file:// with no network. Override by placing viewer.js in your project's templates/deck/.
(function () {
  'use strict';
  var slides = Array.prototype.slice.call(document.querySelectorAll('.bk-deck svg[data-marpit-svg]'));
  if (slides.length === 0) return;
  var current = 0;
  var progress = document.createElement('div');
  progress.className = 'bk-progress';
  document.body.appendChild(progress);

  function indexFromHash() {
    var match = /^#(\d+)$/.exec(location.hash);
    if (!match) return 0;
    return Math.min(Math.max(parseInt(match[1], 10) - 1, 0), slides.length - 1);
  }

  function show(index, updateHash) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, i) {
      var active = i === current;
      slide.classList.toggle('bk-active', active);
      slide.setAttribute('aria-hidden', active ? 'false' : 'true');
    });
    progress.style.width = ((current + 1) / slides.length) * 100 + '%';
    if (updateHash && location.hash !== '#' + (current + 1)) history.replaceState(null, '', '#' + (current + 1));
    document.dispatchEvent(new CustomEvent('bk:slide', { detail: { index: current, total: slides.length } }));
  }

  window.briefkitDeck = {
    get index() { return current; },
    get total() { return slides.length; },
    go: function (i) { show(i, true); },
    next: function () { show(current + 1, true); },
    prev: function () { show(current - 1, true); }
  };

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': case 'Enter': case 'n':
        show(current + 1, true); break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': case 'p':
        show(current - 1, true); break;
      case 'Home': show(0, true); break;
      case 'End': show(slides.length - 1, true); break;
      case 'f':
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
        break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener('click', function (event) {
    if (event.target && event.target.closest && event.target.closest('a')) return;
    if (event.clientX < window.innerWidth / 3) show(current - 1, true);
    else show(current + 1, true);
  });

  var touchX = null;
  document.addEventListener('touchstart', function (event) { touchX = event.touches[0].clientX; }, { passive: true });
  document.addEventListener('touchend', function (event) {
    if (touchX === null) return;
    var dx = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 40) show(current + (dx < 0 ? 1 : -1), true);
  });

  window.addEventListener('hashchange', function () { show(indexFromHash(), false); });
  show(indexFromHash(), false);
})();
