'use strict';
// The Airlock dashboard: reads /api/status, /api/series and /api/rollouts, then follows /api/events (server-sent
// events). Charts are plain SVG built here; no library, no inline script or style (the page's CSP forbids both).
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 320, HEIGHT = 140, LEFT = 44, RIGHT = 8, TOP = 8, BOTTOM = 20;
  const SPAN_MS = 10 * 60 * 1000; // the charts show the last ten minutes
  const TOKEN_KEY = 'airlock.token';
  const CHARTS = [
    { key: 'requestRate', title: 'Request rate', unit: 'req/s', format: v => v.toFixed(1) + ' req/s' },
    { key: 'errorRate', title: 'Error rate', unit: '%', format: v => (v * 100).toFixed(1) + '%' },
    { key: 'p50', title: 'Latency p50', format: ms },
    { key: 'p95', title: 'Latency p95', format: ms },
    { key: 'p99', title: 'Latency p99', format: ms },
    { key: 'tokensPerRequest', title: 'Tokens per request', format: v => v.toFixed(0) },
    { key: 'costPerRequest', title: 'Cost per request', format: v => '$' + v.toFixed(4) },
    { key: 'contextUtilisation', title: 'Context-window utilisation', format: v => (v * 100).toFixed(0) + '%' },
  ];
  const MARKERS = { step: 'step', step_passed: 'step', verdict: 'verdict', rollback_started: 'rollback', rolled_back: 'rollback', aborted: 'rollback', promoted: 'step' };
  const state = { status: null, points: [], thresholds: [], lastAt: null };
  const $ = id => document.getElementById(id);

  function ms(v) { return (v * 1000).toFixed(v < 0.01 ? 2 : 0) + ' ms'; }
  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }
  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    return node;
  }
  function clock(at) { return new Date(at).toLocaleTimeString([], { hour12: false }); }
  function timeNode(at) { const t = text('time', clock(at)); t.setAttribute('datetime', at); return t; }

  // ---- status ----
  function renderStatus(status) {
    state.status = status;
    $('service').textContent = status.service || '';
    const now = $('now');
    now.replaceChildren();
    const active = status.active;
    const fact = (name, value) => { now.append(text('dt', name), text('dd', value)); };
    fact('Live (stable)', status.stable ? status.stable.revision : 'nothing deployed yet');
    if (active) {
      const s = active.status;
      fact('Trying (canary)', active.candidate);
      fact('Phase', s.phase.replace(/_/g, ' ') + (s.pausedByUser ? ' (paused by a person)' : ''));
      fact('Step', String(s.stepIndex + 1));
      fact('Now', s.message);
      $('weights').textContent = `Traffic: ${active.stable || 'stable'} ${100 - s.candidateWeight}% · ${active.candidate} ${s.candidateWeight}%`;
    } else {
      fact('Trying (canary)', 'no rollout in progress');
      if (status.last) fact('Last rollout', `#${status.last.id} ${status.last.candidate}: ${status.last.status.phase.replace(/_/g, ' ')} (${status.last.status.message})`);
      $('weights').textContent = status.stable ? `Traffic: ${status.stable.revision} 100%` : '';
    }
    const waiting = active && active.status.waitingForApproval;
    $('approval').hidden = !waiting;
    $('approval').textContent = waiting ? `Waiting for approval: ${waiting}` : '';
    $('last-error').hidden = !status.lastError;
    $('last-error').textContent = status.lastError ? `Controller error: ${status.lastError}` : '';
    renderVerdicts(status.ledger || []);
    updateButtons();
    drawCharts();
  }

  function renderVerdicts(ledger) {
    const list = $('verdicts');
    list.replaceChildren();
    const shown = ledger.filter(e => e.kind !== 'step_passed').slice(-60).reverse();
    for (const entry of shown) {
      const item = document.createElement('li');
      const outcome = entry.kind === 'verdict' ? entry.message.split(':')[0] : entry.kind;
      item.append(timeNode(entry.at), ' ', text('span', outcome.replace(/_/g, ' '), 'tag ' + outcome), text('span', entry.kind === 'verdict' ? entry.message.slice(outcome.length + 1).trim() : entry.message));
      list.append(item);
    }
    if (!shown.length) list.append(text('li', 'No decisions yet.'));
  }

  // ---- history ----
  async function loadHistory() {
    const response = await fetch('/api/rollouts?limit=10');
    if (!response.ok) return;
    const rollouts = await response.json();
    const list = $('history');
    const items = await Promise.all(rollouts.map(async r => {
      const item = document.createElement('li');
      item.append(text('strong', `#${r.id} ${r.candidate}`), ' ', text('span', r.status.phase.replace(/_/g, ' '), 'tag ' + r.status.phase), ' ', timeNode(r.createdAt), text('div', r.status.message));
      const detail = await fetch(`/api/rollouts/${r.id}`);
      if (detail.ok) {
        const preflight = (await detail.json()).ledger.find(e => e.kind.startsWith('preflight_'));
        item.append(text('div', preflight ? `Readiness rubric: ${preflight.message}` : 'Readiness rubric: not run (undo, or stopped before it)', 'muted'));
      }
      return item;
    }));
    list.replaceChildren(...items);
    if (!items.length) list.append(text('li', 'No rollouts yet.'));
  }

  // ---- series ----
  function addPoints(points) {
    if (!points.length) return;
    state.points.push(...points);
    state.lastAt = points[points.length - 1].at;
    const oldest = Date.parse(state.lastAt) - SPAN_MS;
    state.points = state.points.filter(p => Date.parse(p.at) >= oldest);
    drawCharts();
  }

  function drawCharts() {
    const container = $('charts');
    const end = state.points.length ? Date.parse(state.points[state.points.length - 1].at) : Date.now();
    const start = Math.max(end - SPAN_MS, state.points.length ? Date.parse(state.points[0].at) : end - 60000);
    const ledger = (state.status && state.status.ledger) || [];
    const figures = CHARTS.map(chart => drawChart(chart, start, Math.max(end, start + 1000), ledger));
    container.replaceChildren(...figures);
  }

  function drawChart(chart, start, end, ledger) {
    const figure = document.createElement('figure');
    figure.dataset.chart = chart.key;
    const caption = text('figcaption', chart.title);
    const latest = {};
    for (const p of state.points) if (p[chart.key] != null) latest[p.role] = p;
    const now = ['stable', 'canary'].filter(role => latest[role]).map(role => `${role} ${latest[role].revision}: ${chart.format(latest[role][chart.key])}`);
    const nowLine = text('span', now.length ? now.join(' · ') : 'no data yet', 'now');
    nowLine.dataset.figure = chart.key;
    caption.append(nowLine);
    const thresholds = state.thresholds.filter(t => t.metric === chart.key);
    let max = 0;
    for (const p of state.points) if (p[chart.key] != null) max = Math.max(max, p[chart.key]);
    for (const t of thresholds) max = Math.max(max, t.value);
    max = max > 0 ? max * 1.1 : 1;
    const x = at => LEFT + (Date.parse(at) - start) / (end - start) * (WIDTH - LEFT - RIGHT);
    const y = v => TOP + (1 - v / max) * (HEIGHT - TOP - BOTTOM);
    const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `${chart.title}: ${now.join('; ') || 'no data yet'}` });
    root.append(svg('line', { class: 'axis', x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM }));
    root.append(svg('line', { class: 'axis', x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM }));
    const top = svg('text', { class: 'tick', x: 2, y: TOP + 8 }); top.textContent = chart.format(max); root.append(top);
    const zero = svg('text', { class: 'tick', x: 2, y: HEIGHT - BOTTOM }); zero.textContent = '0'; root.append(zero);
    const from = svg('text', { class: 'tick', x: LEFT, y: HEIGHT - 4 }); from.textContent = clock(start); root.append(from);
    const to = svg('text', { class: 'tick', x: WIDTH - RIGHT, y: HEIGHT - 4, 'text-anchor': 'end' }); to.textContent = clock(end); root.append(to);
    for (const entry of ledger) {
      const kind = MARKERS[entry.kind];
      const at = Date.parse(entry.at);
      if (!kind || at < start || at > end) continue;
      const line = svg('line', { class: 'marker ' + kind, x1: x(entry.at), y1: TOP, x2: x(entry.at), y2: HEIGHT - BOTTOM });
      const title = svg('title'); title.textContent = `${clock(entry.at)} ${entry.kind.replace(/_/g, ' ')}: ${entry.message}`; line.append(title);
      root.append(line);
    }
    for (const t of thresholds) {
      root.append(svg('line', { class: 'threshold', x1: LEFT, y1: y(t.value), x2: WIDTH - RIGHT, y2: y(t.value) }));
      const label = svg('text', { class: 'threshold-label', x: WIDTH - RIGHT, y: y(t.value) - 2, 'text-anchor': 'end' });
      label.textContent = 'rollback: ' + t.text; root.append(label);
    }
    for (const role of ['stable', 'canary']) {
      const byRevision = {};
      for (const p of state.points) if (p.role === role && p[chart.key] != null) (byRevision[p.revision] = byRevision[p.revision] || []).push(p);
      for (const points of Object.values(byRevision)) {
        const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p[chart.key]).toFixed(1)}`).join(' ');
        root.append(svg('path', { class: 'series ' + role, d }));
      }
    }
    figure.append(caption, root);
    return figure;
  }

  // ---- controls ----
  function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }
  function updateButtons() {
    const active = state.status && state.status.active;
    for (const button of document.querySelectorAll('button[data-action]')) {
      const action = button.dataset.action;
      const possible = !!active && (action !== 'approve' || !!active.status.waitingForApproval);
      button.disabled = !token() || !possible;
      button.title = !token() ? 'enter the token to act (read-only without it)' : possible ? '' : 'nothing to ' + action;
    }
  }
  async function act(action) {
    const result = $('control-result');
    result.textContent = `${action}…`;
    try {
      const response = await fetch(`/api/rollouts/current/${action}`, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
      const body = await response.json().catch(() => ({}));
      result.textContent = response.status === 401 ? 'The token was refused: check .airlock/serve.token.'
        : `${action}: ${body.message || body.title || response.statusText}`;
    } catch (error) {
      result.textContent = `${action} failed: ${error.message}`;
    }
  }

  // ---- start ----
  async function start() {
    $('token').value = token();
    $('token').addEventListener('input', event => { sessionStorage.setItem(TOKEN_KEY, event.target.value.trim()); updateButtons(); });
    for (const button of document.querySelectorAll('button[data-action]')) button.addEventListener('click', () => act(button.dataset.action));
    const [status, series] = await Promise.all([fetch('/api/status').then(r => r.json()), fetch('/api/series').then(r => r.json())]);
    state.thresholds = series.thresholds || [];
    addPoints(series.points || []);
    renderStatus(status);
    loadHistory();
    const events = new EventSource('/api/events');
    events.addEventListener('open', () => { $('connection').textContent = 'live'; });
    events.addEventListener('error', () => { $('connection').textContent = 'reconnecting…'; });
    events.addEventListener('status', event => {
      const next = JSON.parse(event.data);
      const finished = state.status && state.status.active && !next.active;
      renderStatus(next);
      if (finished || (next.active && (!state.historyFor || state.historyFor !== next.active.id))) { state.historyFor = next.active && next.active.id; loadHistory(); }
    });
    events.addEventListener('samples', event => {
      const fresh = JSON.parse(event.data).filter(p => !state.lastAt || p.at > state.lastAt);
      addPoints(fresh);
    });
    document.body.dataset.ready = 'true';
  }
  start().catch(error => { $('connection').textContent = 'could not load: ' + error.message; });
})();
