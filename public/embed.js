// Lambda Lab's host script for embeds (optional): keeps the height of every
// Lambda Lab iframe on the page fitted to the calculator inside. Add it once,
// anywhere on the page:
//   <script async src="https://<where Lambda Lab lives>/embed.js"></script>
// It listens for the Embedly-style resize message that embeds send, and only
// believes one that comes from an iframe whose address is on the same site as
// this script, sent by that iframe's own window (a sandboxed iframe's messages
// come from the origin "null").
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  window.addEventListener('message', function (e) {
    if (typeof e.data !== 'string' || e.data.charAt(0) !== '{') return;
    var d;
    try { d = JSON.parse(e.data); } catch (_) { return; }
    if (!d || d.context !== 'iframe.resize' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      var src;
      try { src = new URL(f.src, location.href); } catch (_) { return; }
      if (src.origin !== origin) return;
      var sandboxed = f.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(f.getAttribute('sandbox'));
      if (e.origin !== origin && !(sandboxed && e.origin === 'null')) return;
      f.style.height = Math.max(50, Math.min(Math.ceil(d.height), 20000)) + 'px';
      return;
    }
  });
})();
