// Chinese labels of the API's enums (values are the OpenAPI document's).
export const APPEAL_TYPES = { CONSULTATION: '咨询', HELP: '求助', COMPLAINT: '投诉', REPORT: '举报', SUGGESTION: '建议', PRAISE: '表扬' };
export const URGENCIES = { NORMAL: '一般', URGENT: '紧急', EMERGENCY: '特急' };
export const STATUSES = {
  RECEIVED: '已受理', CLASSIFIED: '已分类', ASSIGNED: '已派单', SIGNED: '已签收', IN_PROGRESS: '办理中',
  RETURN_REQUESTED: '申请退回', SUSPENDED: '已挂起', REPLIED: '已答复', REVIEWED: '已审核', REVISITED: '已回访',
  CLOSED: '已办结', NOT_ACCEPTED: '不予受理', MERGED: '已合并',
};
export const OPEN_STATUSES = new Set(['RECEIVED', 'CLASSIFIED', 'ASSIGNED', 'SIGNED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'SUSPENDED', 'REPLIED', 'REVIEWED', 'REVISITED']);
export const REPLY_RESULTS = { RESOLVED: '已解决', PARTLY_RESOLVED: '部分解决', UNRESOLVED: '未解决', EXPLAINED: '已解释说明' };
export const RESOLUTIONS = { RESOLVED: '已解决', PARTLY_RESOLVED: '部分解决', UNRESOLVED: '未解决' };
export const SATISFACTIONS = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', NO_RATING: '未评价' };
export const URGE_LEVELS = { URGE: '催办', SUPERVISE: '督办', NOTIFY: '通报' };
export const CLOCKS = { SIGN: '签收时限', CONTACT: '联系时限', HANDLE: '办理时限', RETURN_WINDOW: '退回时限', REVISIT: '回访时限' };
export const ROLES = { AGENT: '坐席', DISPATCHER: '派单员', SUPERVISOR: '班长', DEPARTMENT: '承办单位', ADMIN: '管理员' };
export const MARKS = { START: '开始计时', PAUSE: '暂停计时', RESUME: '恢复计时', STOP: '停止计时', EXTEND: '延期', EXTENSION: '延期', RESTART: '重新计时' };

export function label(map, value) {
  return value == null ? '—' : (map[value] || value);
}
