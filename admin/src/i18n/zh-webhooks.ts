/** Strings of the webhook settings screen (事件推送, zh-CN); merged into zh.ts. */
export const webhooksZh = {
  menu: { webhooks: '事件推送' },
  webhooks: {
    new: '新建推送地址', endpoints: '推送地址', name: '名称', url: '接收地址', event_types: '订阅的事件类型',
    event_types_hint: '用逗号分隔, 如 cn.gridwatch.case.dispatch, cn.gridwatch.alert.supervise; 留空为全部事件',
    unit_hint: '推送 %{unit} 辖区内的案件流转和督办提醒', once_warning: '签名密钥只显示这一次, 请立即复制保存到接收方', copy: '复制密钥', copied: '已复制',
    done: '完成', state: '状态', active: '正常', failing: '投递失败', disabled: '已停用', failing_since: '自 %{at} 起连续失败', all_events: '全部事件',
    log: '投递记录', log_of: '投递记录: %{name}', enable: '启用', disable: '停用', enabled_done: '已启用', disabled_done: '已停用',
    event: '事件', event_at: '事件时间', result: '结果', attempts: '尝试次数', next_attempt: '下次重试', delivered: '已送达', pending: '待送达',
    replay: '重新投递', replayed: '已安排重新投递',
  },
};

export type WebhookMessages = typeof webhooksZh;
