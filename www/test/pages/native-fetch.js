// Set up in <head> before pii-veil protects anything, as monitoring libraries do: take a
// fetch from a frame made for it (an unwrapped one, they hope), remove the frame, and
// keep the fetch for every report.
(function () {
  var frame = document.createElement('iframe');
  frame.hidden = true;
  document.head.appendChild(frame);
  var f = frame.contentWindow && frame.contentWindow.fetch;
  document.head.removeChild(frame);
  window.__frameFetch = f ? function (url, init) { return f.call(window, url, init); } : null;
})();
