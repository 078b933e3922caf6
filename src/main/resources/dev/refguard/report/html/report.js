// refguard's index.html: copy buttons, and the schema diagram drawn with Cytoscape.js and the dagre layout.
// Names come from the user's SQL: they are only ever put into the page as text (textContent), never as markup.
(function () {
  'use strict';

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // copy buttons: the SQL of the fix beside the button
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var code = button.parentNode.querySelector('code');
      var text = code ? code.textContent : '';
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy SQL'; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else {
        fallback(text);
        done();
      }
    });
  });

  function fallback(text) {
    var area = el('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing else to try offline */ }
    document.body.removeChild(area);
  }

  var data = JSON.parse(document.getElementById('refguard-data').textContent);
  var graph = document.getElementById('graph');
  var details = document.getElementById('details');
  var searchBox = document.getElementById('search');
  var searchResult = document.getElementById('search-result');
  var status = el('div');
  status.id = 'graph-status';
  status.hidden = true;
  document.body.appendChild(status);

  if (typeof cytoscape === 'undefined') {
    graph.appendChild(el('p', 'The diagram could not be drawn (the embedded Cytoscape.js did not load).', 'hint'));
    return;
  }
  if (typeof cytoscapeDagre !== 'undefined') {
    try { cytoscape.use(cytoscapeDagre); } catch (e) { /* already registered */ }
  }

  var tablesById = {};
  data.tables.forEach(function (t) { tablesById[t.id] = t; });
  var elements = [];
  data.tables.forEach(function (t) {
    var classes = [];
    if (t.identity) classes.push('identity');
    if (t.external) classes.push('external');
    if (t.seed) classes.push('seed');
    var longest = t.name.length;
    elements.push({
      group: 'nodes',
      data: { id: t.id, label: t.name, w: Math.max(60, Math.min(320, longest * 7.2 + 20)) },
      classes: classes.join(' ')
    });
  });
  data.foreignKeys.forEach(function (k) {
    var classes = [];
    if (k.findings.length > 0) classes.push('finding');
    if (k.rejected) classes.push('rejected');
    if (k.seed) classes.push('seed');
    elements.push({
      group: 'edges',
      data: { id: k.id, source: k.source, target: k.target, label: k.fromColumns.join(', ') },
      classes: classes.join(' ')
    });
  });

  var big = data.tables.length > 120;
  var cy = cytoscape({
    container: graph,
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.02,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'shape': 'round-rectangle', 'width': 'data(w)', 'height': 26, 'label': 'data(label)',
        'text-valign': 'center', 'text-halign': 'center', 'font-size': 11,
        'font-family': 'ui-monospace, Menlo, Consolas, monospace',
        'background-color': '#dde8f5', 'border-width': 1, 'border-color': '#6e7781' } },
      { selector: 'node.identity', style: { 'background-color': '#ffd966', 'border-color': '#b08800', 'border-width': 2 } },
      { selector: 'node.external', style: { 'background-color': '#eaeef2', 'border-style': 'dashed' } },
      { selector: 'node.seed', style: { 'background-color': '#f0e6ff' } },
      { selector: 'edge', style: {
        'width': 1.4, 'line-color': '#8c959f', 'target-arrow-color': '#8c959f', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'arrow-scale': 0.9, 'font-size': 9, 'color': '#57606a',
        'label': big ? '' : 'data(label)', 'text-rotation': 'autorotate', 'text-background-color': '#fff',
        'text-background-opacity': 0.8, 'text-background-padding': 1 } },
      { selector: 'edge.seed', style: { 'line-style': 'dashed' } },
      { selector: 'edge.finding', style: {
        'line-color': '#c62828', 'target-arrow-color': '#c62828', 'width': 3, 'color': '#c62828', 'z-index': 10 } },
      { selector: 'edge.rejected', style: {
        'line-color': '#c62828', 'target-arrow-color': '#c62828', 'target-arrow-shape': 'tee', 'line-style': 'dotted',
        'width': 3, 'color': '#c62828', 'z-index': 11 } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: 'node.match', style: { 'border-color': '#0969da', 'border-width': 4 } },
      { selector: ':selected', style: { 'border-color': '#0969da', 'border-width': 4, 'line-color': '#0969da',
        'target-arrow-color': '#0969da' } }
    ],
    layout: { name: 'grid' }
  });

  var cose = { name: 'cose', fit: true, padding: 20, animate: false, randomize: false, nodeOverlap: 12,
    idealEdgeLength: 60, componentSpacing: 60, numIter: 1500 };
  var layout = typeof cytoscapeDagre !== 'undefined'
    ? { name: 'dagre', rankDir: 'LR', nodeSep: 14, rankSep: 90, edgeSep: 8, fit: true, padding: 20 }
    : cose;
  cy.layout(layout).run();
  // a layered layout of a hub with hundreds of referencing tables (every table pointing at users) is one column,
  // unreadable at any zoom; a force-directed layout spreads such a schema out instead
  var box = cy.elements().boundingBox();
  if (layout.name === 'dagre' && cy.nodes().length > 40 && Math.max(box.w / box.h, box.h / box.w) > 3) {
    layout = cose;
    cy.layout(layout).run();
  }

  function tableName(id) { return tablesById[id] ? tablesById[id].name : id; }

  function findingLinks(parent, k) {
    k.findings.forEach(function (f) {
      var li = el('li');
      var a = el('a', f.severity + ' ' + f.rule);
      a.href = '#' + f.anchor;
      a.className = 'finding-link';
      li.appendChild(a);
      li.appendChild(document.createTextNode(': ' + f.message));
      parent.appendChild(li);
    });
  }

  function keyLine(k, outgoing) {
    var li = el('li');
    var text = outgoing
      ? '(' + k.fromColumns.join(', ') + ') → ' + tableName(k.target) + '(' + k.toColumns.join(', ') + ')'
      : tableName(k.source) + '(' + k.fromColumns.join(', ') + ') → (' + k.toColumns.join(', ') + ')';
    li.appendChild(el('span', text));
    if (k.rejected) li.appendChild(el('span', ' rejected: ' + k.rejected, 'bad'));
    if (k.findings.length > 0) {
      var ul = el('ul');
      findingLinks(ul, k);
      li.appendChild(ul);
    }
    return li;
  }

  function showTable(id) {
    var t = tablesById[id];
    details.textContent = '';
    details.appendChild(el('h4', t.name));
    var tags = [];
    if (t.identity) tags.push('identity table');
    if (t.external) tags.push('not created by a migration');
    if (t.seed) tags.push('created by a seed file');
    if (t.incomplete) tags.push('touched by a statement refguard could not read');
    if (tags.length) details.appendChild(el('p', tags.join(', '), 'hint'));
    var table = el('table');
    table.className = 'columns';
    t.columns.forEach(function (c) {
      var tr = el('tr');
      tr.appendChild(el('td', c.name));
      tr.appendChild(el('td', c.type || '?'));
      tr.appendChild(el('td', [c.pk ? 'PK' : '', c.fk ? 'FK' : ''].filter(Boolean).join(' ')));
      table.appendChild(tr);
    });
    details.appendChild(el('p', t.columns.length + ' columns'));
    details.appendChild(table);
    var out = data.foreignKeys.filter(function (k) { return k.source === id; });
    var into = data.foreignKeys.filter(function (k) { return k.target === id; });
    details.appendChild(el('p', 'References (' + out.length + ')'));
    var ulOut = el('ul');
    ulOut.className = 'references';
    out.forEach(function (k) { ulOut.appendChild(keyLine(k, true)); });
    details.appendChild(ulOut);
    details.appendChild(el('p', 'Referenced by (' + into.length + ')'));
    var ulIn = el('ul');
    ulIn.className = 'referenced-by';
    into.forEach(function (k) { ulIn.appendChild(keyLine(k, false)); });
    details.appendChild(ulIn);
  }

  function showKey(id) {
    var k = data.foreignKeys.filter(function (x) { return x.id === id; })[0];
    details.textContent = '';
    details.appendChild(el('h4', k.name || 'foreign key'));
    details.appendChild(el('p', tableName(k.source) + '(' + k.fromColumns.join(', ') + ') → ' + tableName(k.target)
      + '(' + k.toColumns.join(', ') + ')'));
    details.appendChild(el('p', 'ON DELETE ' + k.onDelete + ', ON UPDATE ' + k.onUpdate + '; declared at ' + k.where, 'hint'));
    if (k.rejected) details.appendChild(el('p', 'PostgreSQL rejects it: ' + k.rejected, 'bad'));
    if (k.findings.length) {
      var ul = el('ul');
      findingLinks(ul, k);
      details.appendChild(ul);
    }
  }

  cy.on('tap', 'node', function (e) { showTable(e.target.id()); });
  cy.on('tap', 'edge', function (e) { showKey(e.target.id()); });

  function search(query) {
    var q = (query || '').trim().toLowerCase();
    cy.elements().removeClass('faded match');
    if (!q) { searchResult.textContent = ''; return 0; }
    var hits = cy.nodes().filter(function (n) { return n.data('label').toLowerCase().indexOf(q) >= 0; });
    if (hits.length === 0) {
      searchResult.textContent = 'no table matches';
      return 0;
    }
    cy.elements().addClass('faded');
    hits.removeClass('faded').addClass('match');
    hits.closedNeighborhood().removeClass('faded');
    searchResult.textContent = hits.length === 1 ? '1 table: ' + hits[0].data('label') : hits.length + ' tables';
    cy.resize();
    cy.fit(hits.closedNeighborhood(), 60);
    showTable(hits[0].id());
    return hits.length;
  }

  searchBox.addEventListener('input', function () { search(searchBox.value); });
  document.getElementById('fit').addEventListener('click', function () {
    searchBox.value = '';
    search('');
    cy.fit(undefined, 20);
  });

  // #search=name opens the page with a search done (links from elsewhere, and the headless browser test)
  var match = /(?:^|[#&])search=([^&]*)/.exec(window.location.hash);
  if (match) {
    searchBox.value = decodeURIComponent(match[1]);
    search(searchBox.value);
  }

  // for the tests: what was drawn
  var drawn = function (sel) {
    return cy.edges(sel).filter(function (e) { var b = e.boundingBox(); return b.w > 0 || b.h > 0; }).length;
  };
  status.dataset.tables = String(cy.nodes().length);
  status.dataset.foreignKeys = String(cy.edges().length);
  status.dataset.rejectedDrawn = String(drawn('.rejected'));
  status.dataset.findingDrawn = String(drawn('.finding'));
  status.dataset.layout = layout.name;
})();
