// 督办看板：用登录令牌读取 /api/v1/dashboard/stream（服务器推送事件），每次收到数据就重绘。
(function () {
  'use strict';
  const STATUS = { RECEIVED: '已受理', CLASSIFIED: '已分类', ASSIGNED: '已派单', SIGNED: '已签收', IN_PROGRESS: '办理中',
    RETURN_REQUESTED: '申请退单', SUSPENDED: '已挂起', REPLIED: '已答复', REVIEWED: '已审核', REVISITED: '已回访',
    CLOSED: '已办结', NOT_ACCEPTED: '不予受理', MERGED: '已合并' };
  const CHANNEL = { PHONE: '电话', WEB: '网站', APP: 'APP', WECHAT: '微信', SMS: '短信', LETTER: '信件', ON_SITE: '现场',
    POLICE_110: '110转办', PROVINCIAL_PLATFORM: '省平台', LEADER_ASSIGNED: '领导交办' };
  const charts = {};
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
    $('as-of').textContent = '数据时间 ' + new Date(s.asOf).toLocaleString('zh-CN');
    $('open-total').textContent = s.open.total;
    $('yellow').textContent = s.open.yellow;
    $('red').textContent = s.open.red;
    $('today-total').textContent = s.today.total;
    const statuses = Object.entries(s.open.byStatus);
    chart('chart-status').setOption({ title: { text: '在办工单状态' }, tooltip: {},
      series: [{ type: 'pie', radius: '60%', data: statuses.map(([k, v]) => ({ name: STATUS[k] || k, value: v })) }] });
    const channels = Object.entries(s.today.byChannel);
    chart('chart-channels').setOption({ title: { text: '今日受理渠道' }, tooltip: {},
      xAxis: { type: 'category', data: channels.map(([k]) => CHANNEL[k] || k) }, yAxis: { type: 'value' },
      series: [{ type: 'bar', data: channels.map(([, v]) => v) }] });
    chart('chart-trend').setOption({ title: { text: '近30日受理量' }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: s.trend.map((d) => d.day) }, yAxis: { type: 'value' },
      series: [{ type: 'line', smooth: true, data: s.trend.map((d) => d.count) }] });
    const list = (query, title) => '/console/#list=' + encodeURIComponent(query) + '&title=' + encodeURIComponent(title);
    fillTable('departments', s.departments, [(r) => r.departmentName || r.department,
      (r) => [String(r.tickets), list('department=' + r.department, (r.departmentName || r.department) + '的工单')],
      (r) => pct(r.onTimeSignRate), (r) => pct(r.responseRate), (r) => pct(r.onTimeCompletionRate),
      (r) => pct(r.satisfactionRate),
      (r) => [String(r.overdue), list('department=' + r.department + '&overdue=true', (r.departmentName || r.department) + '的超期工单')]]);
    fillTable('overdue', s.overdue.tickets, [(t) => [t.number, '/console/#ticket=' + encodeURIComponent(t.number)], (t) => t.title, (t) => t.departmentName || t.department || '—',
      (t) => STATUS[t.status] || t.status, (t) => new Date(t.dueAt).toLocaleString('zh-CN')]);
  }

  async function report(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) { throw new Error(String(response.status)); }
    return response.json();
  }

  /** Hot topics, this month's ranking and the 15-second answer rate, from the reports API (once a minute). */
  async function reports() {
    const [topics, ranking, center] = await Promise.all([report('/api/v1/reports/hot-topics?size=10'),
      report('/api/v1/reports/ranking'), report('/api/v1/reports/center')].map((p) => p.catch(() => null)));
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
    $('answer15').textContent = calls && calls.offered > 0 ? pct(calls.answerWithin15sRate) : '未接入话务';
  }

  async function listen() {
    reports();
    $('login').hidden = true;
    $('board').hidden = false;
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
  setInterval(() => { if (token() && !$('board').hidden) { reports(); } }, 60000);
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  if (token()) { listen().catch(() => setTimeout(listen, 3000)); } else { showLogin(); }
}());
