// 督办看板：用登录令牌读取 /api/v1/dashboard/stream（服务器推送事件），每次收到数据就重绘。
(function () {
  'use strict';
  // One glossary: the work console's (console/js/labels.js), loaded when the console is served next to the
  // dashboard, as it is in the server; a dashboard served alone shows the API's codes.
  let glossary = null;
  const glossaryLoaded = import('/console/js/labels.js').then((m) => { glossary = m; }).catch(() => null);
  const statusLabel = (k) => (glossary ? glossary.label(glossary.STATUSES, k) : k);
  const channelLabel = (k) => (glossary ? glossary.label(glossary.CHANNELS, k) : k);
  const clockLabel = (k) => (glossary ? glossary.label(glossary.CLOCKS, k) : k);
  // times and "today" in the hotline's zone (GET /api/v1/departments names it), not the browser's
  let zone;
  const day = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const time = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: zone, hour12: false });
  const charts = {};
  let telephonyOn = false;
  const $ = (id) => document.getElementById(id);
  const pct = (v) => (v === null || v === undefined) ? '—' : (v * 100).toFixed(1) + '%';
  window.hotlineDashboard = { updates: 0, last: null };

  // one login with the work console: both pages keep the same session (same tab, same origin)
  const SESSION = 'hotline.console.session';
  function token() {
    try { const s = JSON.parse(sessionStorage.getItem(SESSION)); if (s && s.token) { return s.token; } } catch (e) { /* no session */ }
    return null;
  }
  // the server revokes the token on every node (the console shares it); the session goes even if that fails
  function logout() {
    const done = () => { sessionStorage.removeItem(SESSION); location.href = '/console/'; };
    fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token() } }).catch(() => null).finally(done);
  }

  /** A cell that opens the list or ticket behind a figure in the work console (same tab, same login). */
  function linkCell(row, text, href) {
    const td = document.createElement('td');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    td.appendChild(a);
    row.appendChild(td);
  }

  function setStatus(text) { $('status').textContent = text; }

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); }

  /** Each column is text, or [text, link] for a figure that opens its list. */
  function fillTable(id, rows, columns) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    rows.forEach((r) => {
      const tr = document.createElement('tr');
      columns.forEach((c) => { const v = c(r); if (Array.isArray(v)) { linkCell(tr, v[0], v[1]); } else { cell(tr, v); } });
      body.appendChild(tr);
    });
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    return charts[id];
  }

  function render(s) {
    window.hotlineDashboard.updates += 1;
    window.hotlineDashboard.last = s;
    $('as-of').textContent = '数据时间 ' + time(s.asOf);
    $('open-total').textContent = s.open.total;
    $('yellow').textContent = s.open.yellow;
    $('red').textContent = s.open.red;
    $('today-total').textContent = s.today.total;
    $('month-total').textContent = s.month ? s.month.total : '—';
    const today = day(new Date(s.asOf));
    $('open-link').href = list('status=' + OPEN, '在办工单');
    $('today-link').href = list('from=' + today + '&to=' + today, '今日受理的工单');
    $('month-link').href = list('from=' + today.slice(0, 8) + '01&to=' + today, '本月受理的工单');
    const statuses = Object.entries(s.open.byStatus);
    chart('chart-status').setOption({ title: { text: '在办工单状态' }, tooltip: {},
      series: [{ type: 'pie', radius: '60%', data: statuses.map(([k, v]) => ({ name: statusLabel(k), value: v })) }] });
    const month = (s.month && s.month.byChannel) || {};
    const channels = [...new Set([...Object.keys(s.today.byChannel), ...Object.keys(month)])];
    chart('chart-channels').setOption({ title: { text: s.month ? '受理渠道（今日 / 本月）' : '今日受理渠道' },
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      xAxis: { type: 'category', data: channels.map(channelLabel) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '今日', type: 'bar', data: channels.map((k) => s.today.byChannel[k] || 0) }]
        .concat(s.month ? [{ name: '本月', type: 'bar', data: channels.map((k) => month[k] || 0) }] : []) });
    const trend = lastDays(s.trend, today, 30);
    chart('chart-trend').setOption({ title: { text: '近30日受理量' }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((d) => d.day.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', data: trend.map((d) => d.count) }] });
    const cards = s.open.cards || { byDepartment: [], byClock: [] };
    const deptName = (r) => r.departmentName || r.department;
    fillTable('cards-by-department', cards.byDepartment, [deptName,
      (r) => [String(r.yellow), cardsHref('yellow', 'department', r.department)],
      (r) => [String(r.red), cardsHref('red', 'department', r.department)]]);
    fillTable('cards-by-clock', cards.byClock, [(r) => clockLabel(r.clock),
      (r) => [String(r.yellow), cardsHref('yellow', 'clock', r.clock)],
      (r) => [String(r.red), cardsHref('red', 'clock', r.clock)]]);
    fillTable('departments', s.departments, [(r) => r.departmentName || r.department,
      (r) => [String(r.tickets), list('department=' + r.department, (r.departmentName || r.department) + '的工单')],
      (r) => pct(r.onTimeSignRate), (r) => pct(r.responseRate), (r) => pct(r.onTimeCompletionRate),
      (r) => pct(r.satisfactionRate),
      (r) => [String(r.overdue), list('department=' + r.department + '&overdue=true', (r.departmentName || r.department) + '的超期工单')]]);
    fillTable('overdue', s.overdue.tickets, [(t) => [t.number, '/console/#ticket=' + encodeURIComponent(t.number)], (t) => t.title, (t) => t.departmentName || t.department || '—',
      (t) => statusLabel(t.status), (t) => time(t.dueAt)]);
  }

  const cardsHref = (colour, key, value) => '#cards=' + colour + '&' + key + '=' + encodeURIComponent(value);

  /**
   * The list behind a red/yellow count (#cards=red&department=urban), from GET /api/v1/dashboard/cards: the
   * tickets the inboxes show in that colour, deadline first; each number opens the ticket in the console.
   */
  async function showView() {
    const params = new URLSearchParams(location.hash.slice(1));
    const colour = params.get('cards');
    $('card-list').hidden = !colour;
    $('board').hidden = !!colour || !token();
    if (!colour) { return; }
    const query = new URLSearchParams({ colour });
    ['department', 'clock'].forEach((k) => { if (params.get(k)) { query.set(k, params.get(k)); } });
    const rows = $('card-list-rows');
    rows.replaceChildren();
    let answer;
    try {
      answer = await report('/api/v1/dashboard/cards?' + query.toString());
    } catch (e) {
      $('card-list-title').textContent = '列表加载失败（' + e.message + '）';
      return;
    }
    const scope = answer.department ? (answer.departmentName || answer.department)
      : answer.clock ? clockLabel(answer.clock) : '全部单位';
    $('card-list-title').textContent = scope + '：' + (colour === 'red' ? '红牌' : '黄牌') + '工单';
    answer.tickets.forEach((t) => {
      const tr = document.createElement('tr');
      linkCell(tr, t.number, '/console/#ticket=' + encodeURIComponent(t.number));
      cell(tr, time(t.dueAt));
      cell(tr, time(t.yellowAt));
      rows.appendChild(tr);
    });
    $('card-list-empty').hidden = answer.tickets.length > 0;
  }

  /** Today's contact-center measures (telephony's measures and live board); the section stays hidden without telephony. */
  async function calls() {
    const today = day(new Date());
    const [measures, live] = await Promise.all([report('/api/telephony/measures?by=day&from=' + today + '&to=' + today),
      report('/api/telephony/dashboard')].map((p) => p.catch(() => null)));
    if (!measures) { $('calls').hidden = true; return; }
    telephonyOn = true;
    if ($('answer15').textContent === '未接入话务') { $('answer15').textContent = '—'; }
    const queues = measures.rows.filter((r) => r.queue !== undefined);
    const sum = (f) => queues.reduce((n, r) => n + f(r), 0);
    const counted = sum((r) => r.offered - r.shortAbandoned);
    $('calls-offered').textContent = sum((r) => r.offered);
    // each queue's rates are over its counted calls (short abandons left out): weighted back to the center's
    $('calls-answer15').textContent = counted > 0 ? pct(sum((r) => (r.answerRate15s || 0) * (r.offered - r.shortAbandoned)) / counted) : '—';
    $('calls-abandoned').textContent = counted > 0 ? pct(sum((r) => (r.abandonmentRate || 0) * (r.offered - r.shortAbandoned)) / counted) : '—';
    const states = (live && live.agentsByState) || null;
    $('calls-agents').textContent = states ? Object.entries(states).filter(([k]) => k !== 'LOGGED_OUT').reduce((n, [, v]) => n + v, 0) : '—';
    $('calls-in-progress').textContent = live && typeof live.callsInProgress === 'number' ? live.callsInProgress : '—';
    $('calls').hidden = false;
  }

  const list = (query, title) => '/console/#list=' + encodeURIComponent(query) + '&title=' + encodeURIComponent(title);
  const OPEN = 'RECEIVED,CLASSIFIED,ASSIGNED,SIGNED,IN_PROGRESS,RETURN_REQUESTED,SUSPENDED,REPLIED,REVIEWED,REVISITED';

  /** Every one of the {@code n} days ending with {@code today}, 0 where the server listed no ticket (a real line, not one dot). */
  function lastDays(trend, today, n) {
    const counts = new Map(trend.map((d) => [String(d.day).slice(0, 10), d.count]));
    const end = new Date(today + 'T00:00:00Z');
    return Array.from({ length: n }, (_, i) => {
      const d = new Date(end.getTime() - (n - 1 - i) * 86400000).toISOString().slice(0, 10);
      return { day: d, count: counts.get(d) || 0 };
    });
  }

  /** The center's rate over today's department rows: each row's rate weighted by its denominator (= Σ numerators / Σ denominators). */
  function centerRate(rows, rate, denominator) {
    let due = 0;
    let met = 0;
    rows.forEach((r) => { const d = (r.counts || {})[denominator] || 0; if (r[rate] !== null && r[rate] !== undefined) { due += d; met += r[rate] * d; } });
    return due === 0 ? null : met / due;
  }

  async function report(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) { throw new Error(String(response.status)); }
    return response.json();
  }

  /** Hot topics, this month's ranking and the 15-second answer rate, from the reports API (once a minute). */
  async function reports() {
    const today = day(new Date());
    const [topics, ranking, center, todays] = await Promise.all([report('/api/v1/reports/hot-topics?size=10'),
      report('/api/v1/reports/ranking'), report('/api/v1/reports/center'),
      report('/api/v1/reports/departments?from=' + today + '&to=' + today)].map((p) => p.catch(() => null)));
    if (todays) {
      // 今日三率 of the whole center (docs/measures.md); — when nothing was due today
      $('today-on-time').textContent = pct(centerRate(todays.departments, 'onTimeCompletionRate', 'completionDue'));
      $('today-resolution').textContent = pct(centerRate(todays.departments, 'resolutionRate', 'visited'));
      $('today-satisfaction').textContent = pct(centerRate(todays.departments, 'satisfactionRate', 'rated'));
    }
    if (topics) {
      $('hot-topics').replaceChildren(...topics.topics.map((t) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '/console/#list=' + encodeURIComponent('q=' + t.word) + '&title=' + encodeURIComponent('热点：' + t.word);
        a.textContent = t.word;
        li.append(a, '（' + t.tickets + ' 件）');
        return li;
      }));
    }
    if (ranking) {
      fillTable('ranking', ranking.departments, [(r) => String(r.rank), (r) => r.departmentName || r.department,
        (r) => (r.score === null || r.score === undefined) ? '—' : Number(r.score).toFixed(1)]);
    }
    const calls = center && center.calls;
    // no calls in 30 days: telephony may still be on (its measures answer), then there is just no rate yet
    $('answer15').textContent = calls && calls.offered > 0 ? pct(calls.answerWithin15sRate) : telephonyOn ? '—' : '未接入话务';
  }

  async function listen() {
    await glossaryLoaded;
    zone = await report('/api/v1/departments').then((d) => d.zone || undefined).catch(() => undefined);
    reports();
    calls();
    $('login').hidden = true;
    showView();
    setStatus('连接中');
    const response = await fetch('/api/v1/dashboard/stream', { headers: { Authorization: 'Bearer ' + token() } });
    if (response.status === 401 || response.status === 403) { sessionStorage.removeItem(SESSION); showLogin('请使用督办账号登录'); return; }
    setStatus('实时更新中');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (block.startsWith('event: summary') && data) { render(JSON.parse(data)); }
        if (block.startsWith('event: unavailable')) { setStatus('检索服务暂不可用，等待恢复'); }
      }
    }
    setStatus('连接中断，正在重连');
    setTimeout(listen, 3000);
  }

  function showLogin(message) {
    $('board').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const response = await fetch('/api/v1/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }) });
    if (!response.ok) { showLogin('账号或密码错误'); return; }
    const issued = await response.json();
    const me = await fetch('/api/v1/auth/me', { headers: { Authorization: 'Bearer ' + issued.token } })
      .then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
    sessionStorage.setItem(SESSION, JSON.stringify({ token: issued.token, role: me.role || issued.role, username: form.get('username'),
      department: me.departmentId, displayName: me.displayName }));
    listen().catch(() => { setStatus('连接失败，正在重试'); setTimeout(listen, 3000); });
  });

  $('logout').addEventListener('click', logout);
  setInterval(() => { if (token() && !$('board').hidden) { reports(); calls(); } }, 60000);
  window.addEventListener('hashchange', () => { if (token()) { showView(); } });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  if (token()) { listen().catch(() => setTimeout(listen, 3000)); } else { showLogin(); }
}());
