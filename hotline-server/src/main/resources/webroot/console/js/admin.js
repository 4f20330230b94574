// Administrators' pages: units, categories, time limits, the holiday calendar (with a missing-year warning),
// users and roles, dispatch rules and the auto-assign threshold, blocked numbers and the knowledge base;
// each card is one part of the admin API.
import { api, available } from './api.js';
import { h, clear, notify, formatTime } from './dom.js';
import * as L from './labels.js';

const LEVELS = { CITY: '市级', DISTRICT: '区县', STREET: '街道', COMMUNITY: '社区' };

export async function mountAdmin(view, ctx) {
  const cards = { units: h('div', { className: 'card', id: 'admin-units' }), users: h('div', { className: 'card', id: 'admin-users' }),
    calendar: h('div', { className: 'card', id: 'admin-calendar' }), limits: h('div', { className: 'card', id: 'admin-limits' }),
    categories: h('div', { className: 'card', id: 'admin-categories' }), rules: h('div', { className: 'card', id: 'admin-rules' }),
    knowledge: h('div', { className: 'card', id: 'admin-knowledge' }), policy: h('div', { className: 'card', id: 'admin-policy' }),
    blocked: h('div', { className: 'card', id: 'admin-blocked' }) };
  clear(view, h('div', { className: 'cols' }, h('div', { style: 'display:grid;gap:.75rem;min-width:0' }, cards.units, cards.categories, cards.knowledge, cards.blocked),
    h('div', { style: 'display:grid;gap:.75rem;min-width:0' }, cards.calendar, cards.users, cards.limits, cards.rules, cards.policy)));
  await Promise.all([units(cards.units, ctx), users(cards.users, ctx), calendar(cards.calendar), limits(cards.limits),
    categories(cards.categories, ctx), rules(cards.rules, ctx), knowledge(cards.knowledge), policy(cards.policy, ctx), blocked(cards.blocked)]);
}

async function guarded(card, title, work) {
  try {
    await work();
  } catch (e) {
    clear(card, h('h3', {}, title), h('p', { className: 'muted' }, '加载失败：' + e.message));
  }
}

/** A form whose submit posts {fields} as JSON; success reloads the card. */
function postForm(id, method, path, fields, label, after) {
  const form = h('form', { id, className: 'grid2' }, fields.map((f) => h('label', {}, f.label, f.input)),
    h('button', { type: 'submit', className: 'primary' }, label));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {};
    for (const f of fields) {
      const el = form.elements.namedItem(f.name);
      const v = el.type === 'checkbox' ? el.checked : el.value.trim();
      if (v !== '' ) body[f.name] = v;
    }
    try {
      await api(method, typeof path === 'function' ? path(body) : path, body);
      notify(label + '成功');
      await after();
    } catch (err) {
      notify(label + '失败：' + err.message, 'error');
    }
  });
  return form;
}

const text = (name, label, extra = {}) => ({ name, label, input: h('input', { name, ...extra }) });
const choice = (name, label, map, required = true) => ({ name, label,
  input: h('select', { name, required: required || undefined }, h('option', { value: '' }, required ? '请选择' : '（无）'),
    Object.entries(map).map(([v, t]) => h('option', { value: v }, t))) });

async function units(card, ctx) {
  const load = () => guarded(card, '承办单位', async () => {
    const all = (await api('GET', '/api/v1/departments')).items || [];
    const names = Object.fromEntries(all.map((d) => [d.id, d.name]));
    const toggle = (d) => h('button', { type: 'button', onclick: async () => {
      try { await api('POST', `/api/v1/admin/departments/${encodeURIComponent(d.id)}/${d.active === false ? 'reactivate' : 'deactivate'}`, {}); notify(`${d.name}已${d.active === false ? '启用' : '停用'}`); await load(); } catch (e) { notify('操作失败：' + e.message, 'error'); }
    } }, d.active === false ? '启用' : '停用');
    clear(card, h('h3', {}, `承办单位（${all.length}）`),
      h('div', { style: 'max-height:18rem;overflow:auto' }, h('table', {}, h('thead', {}, h('tr', {}, ['名称', '层级', '上级', '状态', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, all.map((d) => h('tr', { dataset: { unit: d.id } }, h('td', {}, d.name), h('td', {}, LEVELS[d.level] || d.level),
          h('td', {}, d.parentId ? names[d.parentId] || d.parentId : '—'), h('td', {}, d.active === false ? '已停用' : '在用'), h('td', {}, toggle(d))))))),
      h('h3', {}, '新增单位'),
      postForm('unit-form', 'POST', '/api/v1/admin/departments', [text('id', '单位编号（小写字母、数字、点）', { required: true, maxlength: 64 }),
        text('name', '名称', { required: true, maxlength: 64 }), choice('level', '层级', LEVELS),
        choice('parentId', '上级单位', names, false), text('contact', '值班电话', { maxlength: 100 })], '新增单位', load));
  });
  await load();
}

async function users(card, ctx) {
  // read at each use: a unit added on this page meanwhile is offered too
  const units = () => Object.fromEntries(ctx.departments.map((d) => [d.id, d.name]));
  const editor = h('div', { id: 'user-editor' });
  const load = () => guarded(card, '用户与角色', async () => {
    const all = (await api('GET', '/api/v1/admin/users')).items || [];
    clear(editor);
    clear(card, h('h3', {}, `用户与角色（${all.length}）`),
      h('table', {}, h('thead', {}, h('tr', {}, ['用户名', '姓名', '角色', '单位', '状态', '操作'].map((t) => h('th', {}, t)))),
        h('tbody', {}, all.map((u) => h('tr', { dataset: { username: u.username } }, h('td', {}, u.username), h('td', {}, u.displayName || '—'),
          h('td', {}, L.label(L.ROLES, u.role)), h('td', {}, u.departmentId ? ctx.departmentName(u.departmentId) : '—'),
          h('td', {}, u.disabled ? '已停用' : '正常'),
          h('td', {}, h('button', { type: 'button', className: 'user-edit', onclick: () => edit(u) }, '编辑'),
            // disabling revokes every token of the account at once (the server does it)
            h('button', { type: 'button', className: 'user-toggle', onclick: () => toggle(u) }, u.disabled ? '启用' : '停用')))))),
      editor,
      h('h3', {}, '新增用户'),
      postForm('user-form', 'POST', '/api/v1/admin/users', [text('username', '用户名', { required: true, maxlength: 64 }),
        text('displayName', '姓名', { maxlength: 64 }), { name: 'password', label: '初始密码（至少 8 位）', input: h('input', { name: 'password', type: 'password', required: true, minlength: 8, maxlength: 128, autocomplete: 'new-password' }) },
        choice('role', '角色', L.ROLES), choice('departmentId', '所属单位（承办单位用户必填）', units(), false)],
      '新增用户', load));
  });
  /** One account's edit form: fields left as they are keep their value; a new role, unit or password signs the user out. */
  const edit = (u) => {
    const fields = [text('displayName', '姓名', { maxlength: 64, value: u.displayName || '' }), choice('role', '角色', L.ROLES),
      choice('departmentId', '所属单位（承办单位用户必填）', units(), false),
      { name: 'password', label: '重置密码（留空不改，至少 8 位）', input: h('input', { name: 'password', type: 'password', minlength: 8, maxlength: 128, autocomplete: 'new-password' }) }];
    const form = postForm('user-edit-form', 'PATCH', `/api/v1/admin/users/${encodeURIComponent(u.username)}`, fields, '保存修改', load);
    form.elements.namedItem('role').value = u.role;
    form.elements.namedItem('departmentId').value = u.departmentId || '';
    clear(editor, h('h3', {}, `编辑用户 ${u.username}`), h('p', { className: 'muted' }, '修改角色、单位或重置密码后，该用户需重新登录。'), form);
  };
  const toggle = async (u) => {
    try {
      await api('POST', `/api/v1/admin/users/${encodeURIComponent(u.username)}/${u.disabled ? 'enable' : 'disable'}`, {});
      notify(`${u.disabled ? '启用' : '停用'}成功：${u.username}`);
      await load();
    } catch (err) {
      notify(`${u.disabled ? '启用' : '停用'}失败：` + err.message, 'error');
    }
  };
  await load();
}

async function calendar(card) {
  const load = () => guarded(card, '工作日历', async () => {
    const c = await api('GET', '/api/v1/admin/calendar');
    const years = (c.years || []).slice().sort();
    // the server decides which years are missing (the same rule as /health and the provisional deadlines)
    const warnings = c.warnings || [];
    clear(card, h('h3', {}, '工作日历（节假日与调休）'),
      h('p', {}, `时区：${c.zone}；已导入年份：${years.join('、') || '无'}`),
      warnings.length ? h('div', { className: 'note', id: 'calendar-missing' }, ...warnings.map((w) => h('p', {}, w))) : null,
      h('label', {}, '导入一年的安排（holiday-cn 格式 JSON：{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}）',
        h('textarea', { id: 'calendar-json', rows: 4 })),
      h('button', { type: 'button', onclick: async () => {
        try { await api('POST', '/api/v1/admin/calendar', JSON.parse(document.getElementById('calendar-json').value)); notify('节假日安排已导入'); await load(); } catch (e) { notify('导入失败：' + (e instanceof SyntaxError ? 'JSON 格式错误' : e.message), 'error'); }
      } }, '导入'));
  });
  await load();
}

async function limits(card) {
  await guarded(card, '办理时限标准', async () => {
    const table = await api('GET', '/api/v1/admin/time-limits');
    const area = h('textarea', { id: 'limits-json', rows: 8 });
    area.value = JSON.stringify(table, null, 2);
    clear(card, h('h3', {}, '办理时限标准'), h('p', { className: 'muted' }, '按紧急程度和诉求类型的签收、联系、办理时限；保存后各节点立即生效，已开始计时的工单不变。'),
      area, h('button', { type: 'button', onclick: async () => {
        try { await api('PUT', '/api/v1/admin/time-limits', JSON.parse(area.value)); notify('时限标准已保存'); } catch (e) { notify('保存失败：' + (e instanceof SyntaxError ? 'JSON 格式错误' : e.message), 'error'); }
      } }, '保存时限标准'));
  });
}

async function categories(card, ctx) {
  await guarded(card, '事项分类', async () => {
    const all = (await api('GET', '/api/v1/catalog?includeRetired=true')).items || [];
    clear(card, h('h3', {}, `事项分类（${all.length}）`),
      h('div', { style: 'max-height:18rem;overflow:auto' }, h('table', {}, h('thead', {}, h('tr', {}, ['编码', '分类', '承办单位', '状态'].map((t) => h('th', {}, t)))),
        h('tbody', {}, all.map((c) => h('tr', {}, h('td', {}, c.code), h('td', {}, c.path || c.name),
          h('td', {}, (c.leadDepartments || c.departments || []).map((d) => ctx.departmentName(d)).join('、') || '—'),
          h('td', {}, c.retired ? '已停用' : '在用')))))));
  });
}

async function rules(card, ctx) {
  if (!(await available('/api/v1/admin/dispatch/rules'))) { clear(card, h('h3', {}, '派单规则'), h('p', { className: 'muted' }, '本服务器未启用自动派单模块。')); return; }
  await guarded(card, '派单规则', async () => {
    const answer = await api('GET', '/api/v1/admin/dispatch/rules');
    const list = answer.items || answer.rules || [];
    clear(card, h('h3', {}, `派单规则（${list.length}）`),
      h('div', { style: 'max-height:14rem;overflow:auto' }, h('table', {}, h('thead', {}, h('tr', {}, ['分类编码前缀', '区域', '主办单位'].map((t) => h('th', {}, t)))),
        h('tbody', {}, list.map((r) => h('tr', {}, h('td', {}, r.categoryPrefix || '全部'), h('td', {}, [r.district, r.street].filter(Boolean).join(' ') || '全市'),
          h('td', {}, ctx.departmentName(r.lead))))))));
  });
}

async function knowledge(card) {
  if (!(await available('/api/v1/knowledge?size=1'))) { clear(card, h('h3', {}, '知识库'), h('p', { className: 'muted' }, '本服务器未启用知识库。')); return; }
  await guarded(card, '知识库', async () => {
    const page = await api('GET', '/api/v1/knowledge?size=20');
    const list = page.items || page.hits || [];
    clear(card, h('h3', {}, `知识库（最近 ${list.length} 条）`), h('ul', { className: 'plain' }, list.map((k) => h('li', {}, k.title || k.id))));
  });
}

const percent = (v) => (typeof v === 'number' ? Math.round(v * 1000) / 10 + '%' : '—');

/** 自动派单阈值: what auto-dispatch applies (GET), replaced as a whole by an administrator (PUT). */
async function policy(card, ctx) {
  if (!(await available('/api/v1/dispatch/policy'))) { clear(card, h('h3', {}, '自动派单阈值'), h('p', { className: 'muted' }, '本服务器未启用自动派单模块。')); return; }
  const load = () => guarded(card, '自动派单阈值', async () => {
    const p = await api('GET', '/api/v1/dispatch/policy');
    const names = new Map(ctx.categories.map((c) => [c.code, c.path || c.name]));
    const threshold = h('input', { name: 'autoAssignConfidence', type: 'number', min: 0.01, max: 1, step: 0.01, required: true, value: p.autoAssignConfidence });
    const overrides = h('textarea', { name: 'categories', id: 'policy-categories', rows: 3 });
    overrides.value = JSON.stringify(p.categories || {}, null, 1);
    const form = h('form', { id: 'policy-form', className: 'grid2' },
      h('label', {}, '全局阈值（分类置信度达到即自动派单，0 到 1）', threshold),
      h('label', {}, '按分类的阈值（JSON：分类编码 → 阈值）', overrides),
      h('button', { type: 'submit', className: 'primary' }, '保存派单阈值'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api('PUT', '/api/v1/dispatch/policy', { autoAssignConfidence: Number(threshold.value), categories: JSON.parse(overrides.value || '{}') });
        notify('派单阈值已保存');
        await load();
      } catch (err) {
        notify('保存失败：' + (err instanceof SyntaxError ? 'JSON 格式错误' : err.message), 'error');
      }
    });
    const rows = Object.entries(p.categories || {});
    clear(card, h('h3', {}, '自动派单阈值'),
      h('p', { id: 'policy-current' }, `当前全局阈值 ${percent(p.autoAssignConfidence)}`,
        p.updatedAt ? `（${p.updatedBy || '—'} 于 ${formatTime(p.updatedAt)} 修改）` : '（配置文件默认值）'),
      rows.length ? h('table', {}, h('tbody', {}, rows.map(([code, v]) => h('tr', {}, h('td', {}, names.get(code) || code), h('td', {}, percent(v)))))) : null,
      form);
  });
  await load();
}

/** 黑名单号码 (harassment policy): calls from these numbers are not queued; telephony's list, administrators only. */
async function blocked(card) {
  if (!(await available('/api/telephony/blocked-numbers'))) { clear(card, h('h3', {}, '黑名单号码'), h('p', { className: 'muted' }, '本服务器未接入话务系统。')); return; }
  const load = () => guarded(card, '黑名单号码', async () => {
    const numbers = (await api('GET', '/api/telephony/blocked-numbers')).numbers || [];
    const phone = h('input', { name: 'phone', required: true, pattern: '\\+?[0-9]{3,20}', placeholder: '号码' });
    const change = async (method, number, done) => {
      try { await api(method, `/api/telephony/blocked-numbers/${encodeURIComponent(number)}`); notify(done); await load(); } catch (e) { notify('操作失败：' + e.message, 'error'); }
    };
    const form = h('form', { id: 'blocked-form', className: 'row' }, phone, h('button', { type: 'submit', className: 'primary' }, '加入黑名单'));
    form.addEventListener('submit', (e) => { e.preventDefault(); change('PUT', phone.value.trim(), `${phone.value.trim()} 已加入黑名单`); });
    clear(card, h('h3', {}, `黑名单号码（${numbers.length}）`),
      h('ul', { className: 'plain', id: 'blocked-list' }, numbers.length === 0 ? h('li', { className: 'muted' }, '暂无')
        : numbers.map((n) => h('li', { className: 'row', dataset: { phone: n } }, h('span', {}, n),
          h('button', { type: 'button', onclick: () => change('DELETE', n, `${n} 已移出黑名单`) }, '移出')))),
      form);
  });
  await load();
}
