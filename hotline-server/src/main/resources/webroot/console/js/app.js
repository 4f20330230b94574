// Console entry: login, role-aware navigation between the workbench, the inbox, the supervisor view and a ticket.
import { api, session } from './api.js';
import { h, clear, notify, useTimeZone } from './dom.js';
import { startCountdowns } from './deadlines.js';
import { ROLES } from './labels.js';
import { mountAgent } from './agent.js';
import { mountInbox } from './inbox.js';
import { mountSupervisor } from './supervisor.js';
import { mountAdmin } from './admin.js';
import { showTicket } from './ticket.js';
import { mountFind, showList } from './find.js';

const VIEWS_BY_ROLE = {
  AGENT: [['agent', '坐席工作台']],
  DEPARTMENT: [['inbox', '待办工单']],
  DISPATCHER: [['supervisor', '审批与督办'], ['agent', '登记工单']],
  SUPERVISOR: [['supervisor', '审批与督办'], ['agent', '登记工单']],
  ADMIN: [['admin', '系统管理'], ['supervisor', '工单查询']],
};
const $ = (id) => document.getElementById(id);
let ctx = null;
let lastView = null;

function show(name) {
  for (const v of document.querySelectorAll('main > .view')) v.hidden = v.id !== 'view-' + name;
  for (const b of $('nav').querySelectorAll('button')) b.setAttribute('aria-current', b.dataset.view === name ? 'page' : 'false');
  if (name !== 'ticket' && name !== 'login') lastView = name;
}

async function start(s) {
  let departments = [];
  try {
    const directory = await api('GET', '/api/v1/departments');
    departments = directory.items || [];
    if (directory.zone) useTimeZone(directory.zone);
  } catch (e) { notify('单位目录加载失败：' + e.message, 'error'); }
  const names = new Map(departments.map((d) => [d.id, d.name]));
  // the catalog only feeds the classify form: a failure leaves that form empty, the rest works
  const categories = await api('GET', '/api/v1/catalog').then((c) => c.items || []).catch(() => []);
  ctx = {
    // pickers offer units in use; names of inactive units still show on their old tickets
    ...s, allDepartments: departments, departments: departments.filter((d) => d.active !== false), categories,
    departmentName: (id) => (id ? names.get(id) || id : '—'),
    openTicket: (id) => { show('ticket'); showTicket($('view-ticket'), id, ctx, () => show(lastView)); },
  };
  $('who-name').textContent = `${s.displayName || s.username}（${ROLES[s.role] || s.role}）`;
  $('who').hidden = false;
  const views = VIEWS_BY_ROLE[s.role] || [];
  clear($('nav'), views.map(([v, t]) => h('button', { type: 'button', dataset: { view: v }, onclick: () => show(v) }, t)));
  $('nav').hidden = false;
  const mounts = { agent: mountAgent, inbox: mountInbox, supervisor: mountSupervisor, admin: mountAdmin };
  for (const [v] of views) mounts[v]($('view-' + v), ctx);
  mountFind($('find-form'), $('view-find'), ctx, show);
  if (views.length) show(views[0][0]); else clear($('view-agent'), h('p', {}, '该角色没有工作台页面'));
  followLink();
}

/** Links from the dashboard: #ticket=NUMBER opens a ticket, #list=QUERY&title=TITLE a search list. */
function followLink() {
  const link = new URLSearchParams(location.hash.slice(1));
  if (link.get('ticket')) ctx.openTicket(link.get('ticket'));
  else if (link.get('list') != null) { show('find'); showList($('view-find'), link.get('title') || '工单列表', link.get('list'), ctx); }
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const username = form.elements.namedItem('username').value.trim();
  try {
    const token = await api('POST', '/api/v1/auth/token', { username, password: form.elements.namedItem('password').value });
    session.set({ token: token.token, role: token.role, username });
    const me = await api('GET', '/api/v1/auth/me');
    const s = { token: token.token, role: me.role, username, department: me.departmentId, displayName: me.displayName };
    session.set(s);
    form.reset();
    await start(s);
  } catch (e) {
    session.clear();
    notify('登录失败：' + e.message, 'error');
  }
});

// 退出 revokes the token on the server (POST /api/v1/auth/logout), then forgets it here; a server that
// cannot revoke (no such route, offline) still leaves the browser signed out
$('logout').addEventListener('click', () => {
  const s = session.get();
  const revoke = s && s.token ? fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + s.token } }) : Promise.resolve();
  revoke.catch(() => null).then(() => { session.clear(); location.reload(); });
});
window.addEventListener('console:unauthorized', () => {
  session.clear();
  notify('登录已失效，请重新登录（未提交的内容已保留）', 'error');
  setTimeout(() => location.reload(), 1500);
});

window.addEventListener('hashchange', () => { if (ctx) followLink(); });
startCountdowns(document.body);
const existing = session.get();
if (existing && existing.token) start(existing); else show('login');
