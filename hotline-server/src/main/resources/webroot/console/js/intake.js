// The ticket form: fields in typing order, pickers from the departments directory, the caller's history.
import { api } from './api.js';
import { h, clear, debounce } from './dom.js';
import * as L from './labels.js';

/** Districts with their streets, named as citizens say them (东城区, 人民路街道). */
export function districtsOf(departments) {
  const districts = departments.filter((d) => d.level === 'DISTRICT');
  return districts.map((d) => {
    const name = d.name.replace(/人民政府$/, '');
    const streets = departments.filter((s) => s.parentId === d.id && s.level === 'STREET')
      .map((s) => s.name.replace(name, '').replace(/办事处$/, '').replace(/人民政府$/, ''));
    return { name, streets };
  });
}

const options = (map, empty) => [empty ? h('option', { value: '' }, empty) : null, ...Object.entries(map).map(([v, t]) => h('option', { value: v }, t))];

export function intakeForm(ctx, districts) {
  const district = h('select', { name: 'district' }, h('option', { value: '' }, '请选择'), districts.map((d) => h('option', { value: d.name }, d.name)));
  const street = h('select', { name: 'street' }, h('option', { value: '' }, '请选择'));
  const fillStreets = () => {
    const keep = street.value;
    const d = districts.find((x) => x.name === district.value);
    clear(street, h('option', { value: '' }, '请选择'), (d ? d.streets : []).map((s) => h('option', { value: s }, s)));
    street.value = keep;
  };
  district.addEventListener('change', fillStreets);
  const history = h('ul', { className: 'plain', id: 'caller-history' });
  const phone = h('input', { name: 'phone', maxlength: 20, inputmode: 'tel', autocomplete: 'off' });
  const form = h('form', { id: 'intake-form' },
    h('div', { className: 'grid2' },
      h('label', {}, '来电号码', phone),
      h('label', {}, '来电人姓名', h('input', { name: 'name', maxlength: 50, autocomplete: 'off' }))),
    history,
    h('div', { className: 'checks' },
      h('label', {}, h('input', { type: 'checkbox', name: 'confidential' }), '要求保密'),
      h('label', {}, h('input', { type: 'checkbox', name: 'anonymous' }), '匿名')),
    h('label', {}, '标题', h('input', { name: 'title', required: true, maxlength: 200, accesskey: 't' })),
    h('label', {}, '诉求内容', h('textarea', { name: 'content', required: true, maxlength: 4000, rows: 5 })),
    h('div', { className: 'grid2' },
      h('label', {}, '诉求类型', h('select', { name: 'appealType', required: true }, options(L.APPEAL_TYPES, '请选择'))),
      h('label', {}, '紧急程度', h('select', { name: 'urgency' }, options(L.URGENCIES)))),
    h('div', { className: 'grid2' }, h('label', {}, '区县', district), h('label', {}, '街道', street)),
    h('label', {}, '详细地址', h('input', { name: 'address', maxlength: 200 })),
    h('input', { type: 'hidden', name: 'callId' }),
    h('input', { type: 'hidden', name: 'categoryCode' }),
    h('input', { type: 'hidden', name: 'mergeInto' }),
    h('input', { type: 'hidden', name: 'idempotencyKey' }),
    // 受理即办结: the answer goes with the filing, so the ticket is never waiting for dispatch
    h('label', {}, '直接答复（咨询类当场答复；Alt+A 到此处）',
      h('textarea', { name: 'directAnswer', id: 'direct-answer', maxlength: 4000, rows: 3, placeholder: '填写后提交，工单登记即办结' })),
    h('div', { className: 'row' },
      h('button', { type: 'submit', className: 'primary' }, '提交工单'),
      h('button', { type: 'button', id: 'btn-file-answered' }, '直接答复并办结')));
  const key = form.elements.namedItem('idempotencyKey');
  form.newIdempotencyKey = () => { key.value = crypto.randomUUID(); };
  // The key is kept in the draft, so a retry after a dropped connection files the same ticket, not a second one.
  queueMicrotask(() => { fillStreets(); if (!key.value) form.newIdempotencyKey(); });
  // hidden inputs keep their value through reset(): clear them so the next ticket is not linked to the last call
  form.addEventListener('reset', () => setTimeout(() => {
    history.replaceChildren();
    form.elements.namedItem('callId').value = '';
    form.elements.namedItem('categoryCode').value = '';
    form.elements.namedItem('mergeInto').value = '';
    form.newIdempotencyKey();
  }));
  phone.addEventListener('input', debounce(() => callerHistory(phone.value.trim(), history, ctx), 500));
  phone.addEventListener('change', () => callerHistory(phone.value.trim(), history, ctx));
  form.ticketBody = () => body(form);
  return form;
}

function body(form) {
  const v = (n) => form.elements.namedItem(n).value.trim();
  const out = { title: v('title'), content: v('content'), appealType: v('appealType'), urgency: v('urgency') || 'NORMAL',
    confidential: form.elements.namedItem('confidential').checked, anonymous: form.elements.namedItem('anonymous').checked,
    idempotencyKey: v('idempotencyKey') };
  for (const n of ['phone', 'name', 'district', 'street', 'address', 'callId', 'directAnswer', 'mergeInto']) if (v(n)) out[n] = v(n);
  if (out.mergeInto) out.mergeReason = '与同一来电人的在办工单重复';
  return out;
}

async function callerHistory(phone, list, ctx) {
  if (phone.length < 7) { list.replaceChildren(); return; }
  try {
    const answer = await api('GET', `/api/v1/tickets?limit=10&phone=${encodeURIComponent(phone)}`);
    const items = answer.items || [];
    clear(list, items.length === 0 ? null : h('li', { className: 'muted' }, `该号码历史工单 ${items.length} 件（未办结的以橙色标出）`),
      items.map((t) => h('li', { className: L.OPEN_STATUSES.has(t.status) ? 'open-ticket' : '' },
        h('button', { type: 'button', className: 'chip', onclick: () => ctx.openTicket(t.id) }, `${t.number} ${t.title}`),
        h('span', { className: 'muted' }, ' ' + L.label(L.STATUSES, t.status)))));
  } catch (e) {
    clear(list, h('li', { className: 'muted' }, '历史工单查询失败：' + e.message));
  }
}
