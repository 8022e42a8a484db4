// Live preview: every field is rescanned on each keystroke with one compiled scanner;
// findings are highlighted in a layer behind the field (the field's value is never
// touched), and the panel shows what would be sent. User text only ever goes into
// text nodes (textContent / createTextNode), never into HTML.
(function () {
  'use strict';
  var PiiVeil = window.PiiVeil;
  var $ = function (id) { return document.getElementById(id); };
  var status = $('status');
  var operatorSel = $('operator');
  var keep = $('keep');
  var scanner = null;
  var fields = [];
  var active = null;

  function operator() {
    var op = operatorSel.value;
    if (op !== 'mask') return op;
    var n = Math.max(0, Math.min(8, parseInt(keep.value, 10) || 0));
    return { type: 'mask', keepLast: n };
  }

  function setup(wrapper) {
    var control = wrapper.querySelector('textarea, input');
    var f = {
      wrapper: wrapper,
      control: control,
      backdrop: wrapper.querySelector('.backdrop'),
      hints: PiiVeil.fieldHints(control),
      result: { text: '', findings: [] },
      ms: 0,
    };
    control.addEventListener('input', function () { update(f); });
    control.addEventListener('scroll', function () { syncScroll(f); });
    control.addEventListener('focus', function () { active = f; showPreview(); });
    control.addEventListener('keyup', function () { syncScroll(f); });
    control.addEventListener('mouseup', function () { syncBox(f); syncScroll(f); });
    return f;
  }

  // The backdrop covers the field's border box minus its scrollbar, so lines wrap at
  // the same width.
  function syncBox(f) {
    var c = f.control;
    f.backdrop.style.width = (c.clientWidth + c.clientLeft * 2) + 'px';
    f.backdrop.style.height = (c.clientHeight + c.clientTop * 2) + 'px';
  }

  function syncScroll(f) {
    f.backdrop.scrollTop = f.control.scrollTop;
    f.backdrop.scrollLeft = f.control.scrollLeft;
  }

  function render(f) {
    var text = f.control.value;
    var frag = document.createDocumentFragment();
    var last = 0;
    f.result.findings.forEach(function (x) {
      if (x.start > last) frag.appendChild(document.createTextNode(text.slice(last, x.start)));
      var m = document.createElement('mark');
      m.textContent = x.text;
      m.dataset.kind = x.kind;
      m.dataset.start = String(x.start);
      m.dataset.end = String(x.end);
      m.title = x.kind + ' · ' + x.score;
      frag.appendChild(m);
      last = x.end;
    });
    // A trailing newline needs a character after it to take up a line in a div.
    frag.appendChild(document.createTextNode(text.slice(last) + (f.control.tagName === 'TEXTAREA' ? '\u200b' : '')));
    f.backdrop.replaceChildren(frag);
    syncBox(f);
    syncScroll(f);
  }

  function update(f) {
    var t0 = performance.now();
    try {
      f.result = scanner.redact(f.control.value, { operator: operator(), field: f.hints });
    } catch (e) {
      f.result = { text: '', findings: [] };
      status.textContent = 'error: ' + e.code;
      status.className = 'status err';
    }
    f.ms = performance.now() - t0;
    render(f);
    if (!active) active = f;
    showPreview();
  }

  function showPreview() {
    if (!active) return;
    var isForm = active.control.form === $('contact');
    var shown = isForm ? fields.filter(function (f) { return f.control.form === $('contact'); }) : [active];
    var lines = shown.map(function (f) {
      return (isForm ? f.control.name + ': ' : '') + f.result.text;
    });
    $('masked').textContent = lines.join('\n');
    $('active-field').textContent = isForm ? 'contact form' : 'chat message';
    $('timing').textContent = 'rescan ' + active.ms.toFixed(2) + ' ms';
    var counts = {};
    shown.forEach(function (f) {
      f.result.findings.forEach(function (x) { counts[x.kind] = (counts[x.kind] || 0) + 1; });
    });
    var body = $('counts');
    body.replaceChildren();
    var kinds = Object.keys(counts).sort();
    if (!kinds.length) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 2;
      td.className = 'empty';
      td.textContent = 'nothing found';
      tr.appendChild(td);
      body.appendChild(tr);
    }
    kinds.forEach(function (k) {
      var tr = document.createElement('tr');
      tr.dataset.kind = k;
      var a = document.createElement('td');
      a.textContent = k;
      var b = document.createElement('td');
      b.textContent = String(counts[k]);
      tr.appendChild(a);
      tr.appendChild(b);
      body.appendChild(tr);
    });
  }

  function rescanAll() {
    fields.forEach(update);
  }

  function send() {
    var chat = fields[0];
    if (!chat.control.value.trim()) return;
    var li = document.createElement('li');
    li.className = 'msg us';
    li.textContent = chat.result.text;
    $('log').appendChild(li);
    $('log').scrollTop = $('log').scrollHeight;
    chat.control.value = '';
    update(chat);
    chat.control.focus();
  }

  PiiVeil.init().then(function () {
    scanner = PiiVeil.createScanner();
    fields = Array.prototype.map.call(document.querySelectorAll('[data-field]'), setup);
    operatorSel.addEventListener('change', function () {
      keep.parentElement.hidden = operatorSel.value !== 'mask';
      rescanAll();
    });
    keep.addEventListener('input', rescanAll);
    keep.parentElement.hidden = operatorSel.value !== 'mask';
    $('send').addEventListener('click', send);
    window.addEventListener('resize', function () { fields.forEach(function (f) { syncBox(f); syncScroll(f); }); });
    if (typeof ResizeObserver === 'function') {
      var ro = new ResizeObserver(function () { fields.forEach(function (f) { syncBox(f); syncScroll(f); }); });
      fields.forEach(function (f) { ro.observe(f.control); });
    }
    active = fields[0];
    rescanAll();
    status.textContent = 'scanner ready';
    status.className = 'status ok';
    document.documentElement.dataset.ready = 'true';
  }, function (e) {
    status.textContent = 'could not load: ' + e.code;
    status.className = 'status err';
  });
})();
