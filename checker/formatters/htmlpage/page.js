(function () {
  'use strict';
  // reportlint HTML report: views, selection, detail panel, filters. No network, no eval.
  var RANK = {info: 0, warning: 1, error: 2};
  var doc = document;
  var views = Array.prototype.slice.call(doc.querySelectorAll('.view'));
  var start = doc.getElementById('summary') ? 'summary' : (views[0] && views[0].id);
  var meta = {};          // view id -> finding index -> {sev, cat}

  views.forEach(function (v) {
    var m = meta[v.id] = {};
    v.querySelectorAll('.flist li').forEach(function (li) {
      m[li.getAttribute('data-i')] = {sev: li.getAttribute('data-sev'), cat: li.getAttribute('data-cat')};
    });
  });

  function showView(id) {
    views.forEach(function (v) { v.hidden = v.id !== id; });
    doc.querySelectorAll('.views a').forEach(function (a) {
      if (a.getAttribute('href') === '#' + id) {
        a.setAttribute('aria-current', 'page');
        // keep the current tab visible in a tab bar that scrolls sideways (narrow screens)
        var bar = a.parentNode, r = a.getBoundingClientRect(), b = bar.getBoundingClientRect();
        if (r.left < b.left || r.right > b.right) { bar.scrollLeft += r.left - b.left - 8; }
      } else { a.removeAttribute('aria-current'); }
    });
  }

  function viewOf(el) { return el.closest('.view'); }

  function clearSelection(view) {
    view.querySelectorAll('.on').forEach(function (el) { el.classList.remove('on'); });
  }

  function showDetails(view, ids) {
    var panel = view.querySelector('.panel');
    var body = panel.querySelector('.panel-body');
    var k = view.getAttribute('data-k');
    body.textContent = '';
    ids.forEach(function (i) {
      var card = doc.getElementById('d' + k + '-' + i);
      if (!card) { return; }
      var copy = card.cloneNode(true);
      copy.removeAttribute('id');
      copy.hidden = false;
      body.appendChild(copy);
    });
    panel.hidden = false;
  }

  // Select findings `ids` (the first is the one scrolled to) inside `view`.
  function select(view, ids, scroll) {
    if (!ids.length) { return; }
    showView(view.id);
    clearSelection(view);
    var first = ids[0];
    var k = view.getAttribute('data-k');
    ids.forEach(function (i) {
      view.querySelectorAll('mark[data-f~="' + i + '"], .flist li[data-i="' + i + '"]')
        .forEach(function (el) { el.classList.add('on'); });
    });
    var marker = doc.getElementById('f' + k + '-' + first);
    if (marker) { marker.classList.add('on'); }
    showDetails(view, ids);
    var item = view.querySelector('.flist li[data-i="' + first + '"]');
    if (item) { scrollWithin(item.closest('.list'), item); }
    var target = view.querySelector('mark[data-f~="' + first + '"]') || marker;
    if (target && scroll) { target.scrollIntoView({block: 'start', inline: 'nearest'}); }
  }

  // Scroll a list so that `item` is visible, without moving the page.
  function scrollWithin(box, item) {
    if (!box) { return; }
    var b = box.getBoundingClientRect(), r = item.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) { box.scrollTop += r.top - b.top - b.height / 3; }
  }

  function visible(view, i) {
    var m = meta[view.id][i];
    return !!m && filters.sev[m.sev] && filters.cat[m.cat];
  }

  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? doc.getElementById(id) : null;
    if (!el || !viewOf(el)) { showView(start); return; }
    var view = viewOf(el);
    if (el === view) { showView(id); window.scrollTo(0, 0); return; }
    if (el.classList.contains('mk')) { select(view, [el.getAttribute('data-f')], true); return; }
    showView(view.id);
    el.scrollIntoView({block: 'center'});
  }

  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    var close = t.closest('.panel .close');
    if (close) {
      var v = viewOf(close);
      v.querySelector('.panel').hidden = true;
      clearSelection(v);
      return;
    }
    var link = t.closest('.flist a, a.mk');
    if (link) {
      ev.preventDefault();
      var view = viewOf(link);
      select(view, [link.getAttribute('data-f')], true);
      history.replaceState(null, '', '#f' + view.getAttribute('data-k') + '-' + link.getAttribute('data-f'));
      return;
    }
    var mark = t.closest('mark.hl');
    if (mark && !mark.classList.contains('off')) {
      var mv = viewOf(mark);
      var ids = mark.getAttribute('data-f').split(' ').filter(function (i) { return visible(mv, i); });
      select(mv, ids, false);
    }
  });

  doc.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Escape') { return; }
    views.forEach(function (v) {
      var p = v.querySelector('.panel');
      if (p && !p.hidden) { p.hidden = true; clearSelection(v); }
    });
  });

  // -- filters ---------------------------------------------------------
  var filters = {sev: {}, cat: {}};
  function readFilters() {
    doc.querySelectorAll('input[data-filter]').forEach(function (box) {
      filters[box.getAttribute('data-filter')][box.value] = box.checked;
    });
    Object.keys(RANK).forEach(function (s) { if (!(s in filters.sev)) { filters.sev[s] = true; } });
  }

  function applyFilters() {
    readFilters();
    views.forEach(function (view) {
      if (!view.classList.contains('file')) { return; }
      var shown = 0;
      view.querySelectorAll('.flist li').forEach(function (li) {
        var ok = visible(view, li.getAttribute('data-i'));
        li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      view.querySelectorAll('a.mk').forEach(function (mk) {
        mk.classList.toggle('off', !visible(view, mk.getAttribute('data-f')));
      });
      view.querySelectorAll('mark.hl').forEach(function (mark) {
        var best = null;
        mark.getAttribute('data-f').split(' ').forEach(function (i) {
          if (visible(view, i)) {
            var s = meta[view.id][i].sev;
            if (best === null || RANK[s] > RANK[best]) { best = s; }
          }
        });
        mark.classList.remove('s-error', 's-warning', 's-info', 'off');
        mark.classList.add(best ? 's-' + best : 'off');
      });
      var label = view.querySelector('.shown');
      if (label) {
        label.textContent = label.getAttribute('data-template')
          .replace('{shown}', shown).replace('{total}', label.getAttribute('data-total'));
      }
    });
  }

  doc.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('change', applyFilters);
  });

  // Narrow screens: start with the outline folded so the text comes first.
  if (window.matchMedia && window.matchMedia('(max-width: 1000px)').matches) {
    doc.querySelectorAll('details.outline').forEach(function (d) { d.open = false; });
  }
  doc.documentElement.classList.add('js');
  readFilters();
  window.addEventListener('hashchange', route);
  route();
  // NOTE: the browser's own jump to the #fragment happens after this script; redo ours.
  window.addEventListener('load', route);
})();
