/** Strings of the alert inbox (提醒) and the 通报 notice (zh-CN); merged into zh.ts. */
export const alertsZh = {
  menu: { alerts: '提醒收件箱', late_case_notice: '超时通报' },
  enum: {
    AlertKind: { URGE: '催办', SUPERVISE: '督办', NOTICE: '通报' },
    AlertSubject: { CASE: '案件', TASK: '任务', RECOMMENDATION: '整改意见' },
    AlertDeadline: { STEP: '环节时限', ANSWER: '答复时限', PARTNER: '协办时限' },
  },
  alerts: {
    owner: { WEBHOOK_DISABLED: '推送地址「%{subject}」连续失败，已于 %{at} 自动停用；请检查接收方后在“事件推送”页重新启用。' },
    badge: '未读提醒', kind: '类型', subject: '对象', read_state: '阅读', acknowledged_state: '签收', all: '全部', unread: '未读', read: '已读',
    acknowledged: '已签收', not_acknowledged: '未签收', unit: '单位', due: '时限', raised: '发出', mark_read: '标为已读', mark_all_read: '本页全部已读',
    acknowledge: '签收', acknowledge_title: '签收提醒', note: '签收说明 (可选)', cancel: '取消', confirm: '签收',
    acknowledged_by: '%{name} 于 %{at} 签收', empty: '没有符合条件的提醒', more: '更多', total: '共 %{count} 条', done: '已签收',
  },
  notice: {
    title: '%{unit} 超时案件通报', from: '起 (含)', to: '止 (含)', print: '打印', download: '下载 PDF', unit: '办理单位', number: '案件编号', step: '超时环节',
    due: '时限', days_late: '超时天数', lead: '牵头部门', still_open: '未办', count: '共 %{count} 件次', empty: '本期间无超时案件',
    per_unit: '%{unit}：%{count} 件次', definition: '期间内时限届满而未办理 (督办) 的案件环节，按办理单位；超时天数为自然日，至该环节办理或至今。',
  },
};

export type AlertMessages = typeof alertsZh;
