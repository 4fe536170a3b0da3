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
    // The server's REPORT_DEFINITION (api/src/modules/report/report.types.ts, printed in the file), here in both languages.
    definition_text: [
      '北京时间自然月，按事件发生时间计，不按案件当前状态；过去月份重算结果不变。',
      '新报案件：本月有上报事件的案件；按类别、来源分组；月末状态为该案件在月末前最后一个事件后的状态。',
      '应结案：处置时限 (月末前最后一次派遣、批准延期、恢复或返工所定时限) 在本月的案件；已结案：其中月末状态为已结案或已评价；按期结案：其中最后一次核实通过不晚于处置时限。按期结案率 = 按期结案 / 应结案。',
      '巡查：本月巡查计划的应巡查次数与计划内已巡查次数 (网格内签到，每日至多一次，不超过计划)；巡查完成率 = 已巡查 / 应巡查。',
      '检查：本月检查日期的检查次数、发现问题次数和检查到的污染源数；重点源检查覆盖率 = 本月检查过的重点源 / 月末前建档的重点源 (监管等级与在产状态按当前档案)。',
      '抽查 (双随机)：本月检查日期的抽查结果 (不含被重新抽取取代的)。',
    ].join('\n'),
  },
};

export type TrainingMessages = typeof trainingZh;
