// Knowledge base panel of the workbench: search as the agent types (or by its own words), read an
// article, and answer the caller directly with it in one click.
import { api } from './api.js';
import { h, clear, debounce } from './dom.js';

const MAX_ANSWER = 4000;

/**
 * Builds the panel into {card}; {answerWith(text)} files/answers the current appeal with the article.
 * Returns {follow(text)}: searches for the appeal's own words while the agent has typed no query.
 */
export function mountKnowledge(card, answerWith) {
  const query = h('input', { id: 'kb-q', type: 'search', maxlength: 100, placeholder: '搜索知识库（Alt+K）', 'aria-label': '搜索知识库' });
  const results = h('ul', { className: 'plain', id: 'kb-results' });
  const search = async (text) => {
    if (!text) { results.replaceChildren(); return; }
    try {
      const page = await api('GET', `/api/v1/knowledge?size=5&q=${encodeURIComponent(text)}`);
      const hits = page.hits || [];
      clear(results, hits.length === 0 ? h('li', { className: 'muted' }, '未找到相关知识') : hits.map((a) => article(a, answerWith)));
    } catch (e) {
      clear(results, h('li', { className: 'muted' }, '知识库检索失败：' + e.message));
    }
  };
  query.addEventListener('input', debounce(() => search(query.value.trim()), 300));
  clear(card, h('h3', {}, '知识库 ', h('span', { className: 'muted' }, '（选中条目可一键直接答复）')), query, results);
  return {
    follow: (text) => { if (!query.value.trim()) search(text.slice(0, 100)); },
    focus: () => query.focus(),
    clear: () => { query.value = ''; results.replaceChildren(); },
  };
}

function article(a, answerWith) {
  const body = h('div', { className: 'kb-content', hidden: true });
  const load = async () => {
    const full = await api('GET', `/api/v1/knowledge/${encodeURIComponent(a.id)}`);
    body.textContent = full.content || '';
    return full;
  };
  const read = async () => {
    if (!body.hidden) { body.hidden = true; return; }
    try { await load(); } catch (e) { body.textContent = '读取失败：' + e.message; }
    body.hidden = false;
  };
  const use = async () => {
    try {
      const full = await load();
      await answerWith(`${full.content || ''}`.slice(0, MAX_ANSWER), a.title);
    } catch (e) {
      body.textContent = '读取失败：' + e.message;
      body.hidden = false;
    }
  };
  return h('li', { dataset: { articleId: a.id } },
    h('strong', {}, a.title), a.snippet ? h('div', { className: 'muted' }, a.snippet) : null,
    h('div', { className: 'row' },
      h('button', { type: 'button', className: 'kb-read', onclick: read }, '查看全文'),
      h('button', { type: 'button', className: 'kb-answer primary', onclick: use }, '用此条直接答复')),
    body);
}
