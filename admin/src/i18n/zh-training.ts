/** Strings of the training (培训/轮训) and monthly report (月度报表) screens (zh-CN); merged into zh.ts. */
export const trainingZh = {
  menu: { training: '培训轮训', monthly_report: '月度报表' },
  measure: { trainees: '在岗人数', trainees_trained: '参训人数' },
  enum: {
    TrainingTopic: { LAW: '法律法规', ENFORCEMENT: '执法业务', GRID_PATROL: '网格巡查', POLLUTION_SOURCES: '污染源监管', CASE_HANDLING: '案件处置', OTHER: '其他' },
    TrainingAudience: { OFFICERS: '执法人员', GRID_WORKERS: '环保网格员', ALL: '全体' },
  },
  training: {
    sessions: '培训期次', courses: '培训课程', held_on: '日期', course: '课程', level: '组织级别', topic: '类别', audience: '培训对象', place: '地点', hours: '学时',
    unit: '组织单位', attendance: '参训', title: '课程名称', new_course: '新建课程', new_session: '新建期次', record: '登记参训', save: '保存', cancel: '取消',
    created: '已保存', recorded: '已登记参训', search: '按姓名查找', officers: '执法人员', grid_workers: '环保网格员', attendees: '参训人员 (%{count})',
    none: '暂无参训记录', pick: '勾选参训人员', remove: '撤销', removed: '已撤销参训记录',
  },
  report: {
    month: '月份', month_hint: '如 2026-10', print: '打印', download: '下载 XLSX', title: '%{unit} %{month} 月度统计报表', incomplete: '本月尚未结束，为截至当前的数字',
    unit: '单位', reported: '新报案件', due: '应结案', closed: '已结案', closed_on_time: '按期结案', on_time_rate: '按期结案率', patrols_required: '应巡查',
    patrols_done: '已巡查', patrol_rate: '巡查完成率', inspections: '检查次数', inspections_problem: '检查发现问题', sources_inspected: '检查污染源数',
    key_sources: '重点源数', key_sources_inspected: '已检查重点源', key_source_coverage: '重点源覆盖率', spot_checks: '抽查数', spot_checks_compliant: '抽查未发现问题',
    spot_checks_problem: '抽查发现问题', by_category: '新报案件：按类别', by_origin: '新报案件：按来源', by_status: '新报案件：按月末状态', count: '件数', definition: '统计口径',
  },
};

export type TrainingMessages = typeof trainingZh;
