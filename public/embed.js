// Lambda Lab's host script for embeds (optional): keeps the height of every
// Lambda Lab iframe on the page fitted to the calculator inside. Add it once,
// anywhere on the page (the snippets carry it; a second copy does nothing):
//   <script async src="https://<where Lambda Lab lives>/embed.js"></script>
// - Before a calculator reports, its iframe starts at the height measured for
//   the width it has (`data-heights="375:1266 600:914"`), so the post does
//   not jump when it arrives.
// - It listens for the Embedly-style resize message that embeds send, and only
//   believes one that comes from an iframe whose address is on the same site as
//   this script, sent by that iframe's own window (a sandboxed iframe's messages
//   come from the origin "null").
// - The quote beside each iframe that stands in for it
//   (`blockquote[data-lambda-lab-fallback]`: its figures as text, for RSS
//   readers and e-mail) is hidden as soon as this script runs, together with
//   the sizing, not when the calculator reports: a reader may have scrolled
//   to it by then, and the text below would jump up. If a calculator has not
//   reported 20 s later (the iframe is blocked, or the site cannot be
//   reached), its quote comes back.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var frames = document.getElementsByTagName('iframe');

  function ours(f) {
    try { return new URL(f.src, location.href).origin === origin; } catch (_) { return false; }
  }

  // The measured height at this width: straight lines between the widths of
  // the table, its ends beyond them, rounded up to 10 px (as the dialog does).
  function startHeight(f) {
    if (f.getAttribute('data-lambda-lab') || !f.getAttribute('data-heights')) return;
    var table = f.getAttribute('data-heights').split(/\s+/).map(function (p) {
      return p.split(':').map(Number);
    }).filter(function (p) {
      return p.length === 2 && p[0] > 0 && p[1] > 0;
    }).sort(function (a, b) { return a[0] - b[0]; });
    var w = f.getBoundingClientRect().width;
    if (!table.length || !(w > 0)) return;
    var h = table[0][1];
    if (w >= table[table.length - 1][0]) h = table[table.length - 1][1];
    else {
      for (var i = 1; i < table.length; i++) {
        if (table[i][0] >= w) {
          var a = table[i - 1], b = table[i];
          h = w <= a[0] ? a[1] : a[1] + (b[1] - a[1]) * (w - a[0]) / (b[0] - a[0]);
          break;
        }
      }
    }
    f.setAttribute('data-lambda-lab', 'sized');
    f.style.height = Math.ceil(Math.ceil(h) / 10) * 10 + 'px';
  }

  function fallbackOf(f) {
    var sides = [f.nextElementSibling, f.previousElementSibling];
    for (var i = 0; i < sides.length; i++) {
      var s = sides[i];
      if (s && s.tagName === 'BLOCKQUOTE' && s.hasAttribute('data-lambda-lab-fallback')) return s;
    }
    return null;
  }

  function standIn(f) {
    var quote = fallbackOf(f);
    if (!quote || f.getAttribute('data-lambda-lab') === 'reported') return;
    quote.style.display = 'none';
    setTimeout(function () {
      if (f.getAttribute('data-lambda-lab') !== 'reported') quote.style.display = '';
    }, 20000);
  }

  for (var i = 0; i < frames.length; i++) {
    if (ours(frames[i])) {
      startHeight(frames[i]);
      standIn(frames[i]);
    }
  }

  if (window.__lambdaLabEmbed) return;
  window.__lambdaLabEmbed = true;
  window.addEventListener('message', function (e) {
    if (typeof e.data !== 'string' || e.data.charAt(0) !== '{') return;
    var d;
    try { d = JSON.parse(e.data); } catch (_) { return; }
    if (!d || d.context !== 'iframe.resize' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      if (!ours(f)) return;
      var sandboxed = f.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(f.getAttribute('sandbox'));
      if (e.origin !== origin && !(sandboxed && e.origin === 'null')) return;
      f.setAttribute('data-lambda-lab', 'reported');
      f.style.height = Math.max(50, Math.min(Math.ceil(d.height), 20000)) + 'px';
      var quote = fallbackOf(f);
      if (quote) quote.style.display = 'none';
      return;
    }
  });
})();
