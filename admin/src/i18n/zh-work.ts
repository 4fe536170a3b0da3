/** Strings of the plans, patrols, sensitive periods, audits, indicators and import screens (zh-CN); merged into zh.ts. */
export const workZh = {
  resources: {
    enforcementPlans: {
      name: '执法计划 |||| 执法计划',
      fields: { title: '计划名称', kind: '类型', year: '年份', month: '月份', unit: '制定单位', unitId: '制定单位', description: '说明', progress: '完成情况', tasks: '计划任务' },
    },
    tasks: {
      name: '任务 |||| 任务',
      fields: {
        title: '任务名称', origin: '来源', status: '状态', grid: '落实网格', gridId: '落实网格', officer: '执法人员', officerId: '执法人员', gridWorker: '环保网格员', gridWorkerId: '环保网格员',
        dueAt: '办理期限', dueOn: '办理期限', dueHint: '非计划任务必填；子任务不填则沿用上级任务的期限', overdue: '超期', progress: '子任务完成情况', description: '任务内容',
        completedAt: '完成时间', result: '办理结果', subtasks: '子任务', assignee: '承办人', parent: '上级任务', plan: '所属执法计划', assignedToMe: '只看交给我的',
        topLevel: '只看顶层任务', withinId: '网格范围',
      },
    },
    patrolPlans: {
      name: '巡查计划 |||| 巡查计划',
      fields: {
        gridWorker: '环保网格员', grid: '网格', month: '月份', requiredCount: '计划巡查次数', expectedCount: '按时间应完成', doneCount: '已巡查', completionRate: '完成率',
        factor: '敏感时期系数', behind: '只看进度落后的', withinId: '网格范围', gridWorkerId: '环保网格员',
      },
    },
    patrolCheckIns: {
      name: '巡查打卡 |||| 巡查打卡',
      fields: { at: '打卡时间', gridWorker: '环保网格员', grid: '网格', outsideBoundary: '只看边界外', boundary: '网格边界', location: '位置 (经度, 纬度)', notes: '巡查情况', photoUrl: '照片', month: '月份', withinId: '网格范围', gridWorkerId: '环保网格员' },
    },
    sensitivePeriods: {
      name: '重大活动/敏感时期 |||| 重大活动/敏感时期',
      fields: {
        name: '名称', startsOn: '开始日期', endsOn: '结束日期 (含)', units: '适用单位', gridIds: '适用单位 (及其下级)', industries: '限定行业', industriesHint: '不填：全部行业',
        levels: '限定监管等级', inspectionFactor: '检查频次倍数', inspectionFactorHint: '1-10；2 = 检查间隔减半', patrolFactor: '巡查频次倍数', patrolFactorHint: '1-10；2 = 每月巡查次数加倍',
        unit: '设定单位', active: '有效', activeOn: '在该日有效',
      },
    },
    audits: {
      name: '督查/稽查 |||| 督查/稽查',
      fields: {
        title: '督查名称', auditedUnit: '被督查单位', auditedUnitId: '被督查单位', auditorUnit: '督查单位', periodFrom: '抽查期间起', periodTo: '抽查期间止 (不含)', fromDay: '抽查期间起',
        toDay: '抽查期间止 (含)', status: '状态', finding: '结论', averageScore: '平均分', summary: '督查意见', seed: '随机种子', seedHint: '不填则随机生成并记录',
        snapshotDigest: '抽样总体快照摘要 (SHA-256)', caseFileCount: '抽取案卷数', patrolRecordCount: '抽取巡查记录数', kind: '要素类型', score: '评分 (0-100)', note: '评分说明',
      },
    },
    auditRecommendations: {
      name: '整改意见 |||| 整改意见',
      fields: { text: '整改意见', audit: '督查', dueOn: '整改期限', status: '状态', overdue: '逾期', response: '整改反馈', closingNote: '销号说明', closedAt: '销号时间' },
    },
    assessmentIndicators: {
      name: '考核指标 |||| 考核指标',
      fields: {
        code: '指标代码', name: '名称', version: '版本', formula: '公式 (含权重)', description: '说明 (口径)', unit: '计量单位', subjectTypes: '考核对象', sampleMeasure: '最小样本计量', minSample: '最小样本', createdAt: '发布时间',
        supersededAt: '被取代时间', position: '排序', history: '含历史版本',
      },
    },
  },
  menu: {
    group_grid: '网格与人员', group_sources: '污染源', group_plans: '计划与巡查', group_supervision: '督查与考核', group_system: '系统管理',
    source_import: '污染源导入', grid_import: '网格划分导入', tasks_overdue: '逾期任务', recommendations_overdue: '逾期整改意见',
    calendar: '工作日历',
    duty_matrix: '法定职责矩阵',
    disclosure: '信息公开',
  },
  errors: { STATE: '当前状态不允许此操作，可能已被他人处理，请刷新后查看' },
  plan: { add_task: '添加计划任务' },
  period: { revoke: '撤销', revoke_confirm: '撤销“%{name}”？记录保留，不再提高检查与巡查频次。', revoked: '已撤销' },
  task: {
    overdue: '已超期', create: '交办任务', complete: '办结', completed: '任务已办结', cancel: '撤销任务', cancelled: '任务已撤销', add_subtask: '分解子任务',
    subtask_of: '分解自：%{title}', subtasks_open: '子任务全部办结后才能办结本任务', line_of: '计划任务：%{title}',
  },
  patrol: {
    generate: '生成巡查计划', generated: '巡查计划已生成', generation: '%{month}：新建 %{created} 条，更新 %{updated} 条，本单位共 %{plans} 条',
    month_hint: '如 2026-11，留空为本月', outside: '边界外', inside: '边界内', unchecked: '无边界',
  },
  audit: {
    scored: '评分已保存', score_title: '第 %{position} 个要素评分', score: '评分', rescore: '改分', samples: '抽中的要素', element: '案卷/记录',
    issue: '下发督查意见', issued: '督查意见已下发', recommendation: '整改意见', add_recommendation: '添加整改意见', recommendations: '整改意见',
    respond: '反馈整改情况', responded: '整改情况已反馈', close: '销号', closed: '已销号',
  },
  indicator: { create: '新建指标', new_version: '发布新版本', code_rule: '大写字母开头，只含大写字母、数字、下划线', formula_hint: '基础计量与其他指标代码的算式，如 rate(closed_on_time, due - parked)', sample_hint: '排名的最小样本所按的基础计量，如 due (应结案数)；最小样本量填 0 则不设' },
  duty: {
    hint: '按案件类别和办理单位层级列出牵头 (责任) 部门与配合部门；派遣建议依此表。由市环保局维护。',
    hint_edit: '按案件类别和办理单位层级列出牵头 (责任) 部门与配合部门；派遣建议依此表。点击一格修改。',
    category: '案件类别',
    responsible: '牵头部门',
    co_responsible: '配合部门',
    with: '配合：',
    gap: '缺口',
    gaps: '%{smart_count} 处缺口 (没有牵头部门)：%{cells}',
    no_gaps: '每个案件类别在每一级都有牵头部门',
    clear: '清空此格',
    saved: '已保存',
    cleared: '已清空',
  },
  disclosure: {
    hint: '决定向社会公开哪些已结案件：公开的类别、自哪一天起上报的案件，以及另行公开的字段。公开的内容无需登录即可查询 (限流)。',
    nothing: '目前不公开任何案件 (默认)。', published: '自 %{day} 起上报的已结案件公开中 (%{count} 个类别)。',
    from: '公开起始日期', from_hint: '留空：停止公开', categories: '公开的案件类别', fields: '另行公开的字段',
    field: { NUMBER: '案件编号', HANDLING_UNIT: '办理单位', DESCRIPTION: '问题描述 (自由文本，可能含个人信息)' },
    never: '投诉人姓名、电话和详细地址、坐标一律不公开；位置只公开到乡镇街道。',
    save: '保存', saved: '信息公开设置已保存',
  },
  limits: {
    title: '立卷时限 (分级)',
    hint: '上报后，等待立卷的单位须在此时限内立卷；未设本级时限的按“各级”时限。无平台的，超时先催办、再自动上报上一级网格；有平台的超时督办。',
    level: '层级', limit: '时限', source: '来源', every_level: '各级', amount_label: '数值', unit: '单位', save: '保存', saved: '立卷时限已保存',
    amount: { WORKING_DAYS: '%{smart_count} 个工作日', HOURS: '%{smart_count} 小时', SAME_DAY: '当日' },
    units: { WORKING_DAYS: '工作日', HOURS: '小时', SAME_DAY: '当日' },
    sources: { DEFAULT: '内置默认', OVERRIDE: '市级设置' },
  },
  calendar: {
    banner: '%{year} 年节假日安排尚未导入：%{year} 年的工作日期限暂按周一至周五计算，导入国务院办公厅通知后自动重算。',
    open: '导入节假日安排',
    hint: '上传一年的节假日安排 (国务院办公厅通知)：CSV 列为 日期,是否上班,名称 (如 2027-01-01,否,元旦)；ICS 为全天事件，名称含“班”的为调休上班日。先预览，再导入；导入后重算所有暂定期限，并记入案件时间线。',
    year: '年份', choose: '选择文件', no_file: '未选择文件', preview: '预览 (不写入)', load: '导入',
    previewed: '%{year} 年：节假日 %{holidays} 天、调休上班 %{workingDays} 天；新增 %{added}、修改 %{changed}、删除 %{removed} 个日期；%{recomputed} 个期限将重算',
    loaded: '已导入 %{year} 年：节假日 %{holidays} 天、调休上班 %{workingDays} 天；%{recomputed} 个期限已重算',
    case: '案件', before: '原期限', after: '新期限', years: '已导入的年份', source: '来源', loaded_at: '导入时间',
    provisional: '暂定', provisional_hint: '期限经过尚未导入节假日安排的年份，暂按周一至周五计算',
  },
  import: {
    hint: '上传 CSV 或 Excel (XLSX) 文件，列与“导出污染源”相同 (必需：名称、类型、监管等级、网格编码)。先试导入检查每一行，全部无误后才能正式导入；有任何一行出错则不写入任何数据。可选列：污染源编码 (HJ 608-2017)，排放口 (如“DA001 锅炉废气; DW001 生产废水”，列出的新增或改名，未列出的保留)。',
    choose: '选择文件', no_file: '未选择文件', dry_run: '试导入 (只检查)', run: '正式导入',
    checked: '检查通过：共 %{rows} 行，将新增 %{inserted} 条、更新 %{updated} 条、%{unchanged} 条不变', done: '导入完成：共 %{rows} 行，新增 %{inserted} 条、更新 %{updated} 条、%{unchanged} 条不变',
    rejected: '共 %{rows} 行，发现 %{errors} 处错误，未写入任何数据', line: '行号', column: '列', code: '错误类型', message: '说明',
    codes: { BAD_USER_INPUT: '数据有误', NOT_FOUND: '找不到或不在辖区内', CONFLICT: '与现有记录冲突', FORBIDDEN: '无权设置' },
  },
  grid_import: {
    hint: '上传 CSV 或 Excel (XLSX) 网格划分表：网格编码 (12位统计用区划代码；城市管理网格为街道代码加2-3位序号)、名称、层级、上级网格编码，可选 网格类型、示意划分、平台设置 (是/否/空为继承县区)、原编码 (改码或调整上级时填原来的编码)。先试运行校验，一次列出所有错误；全部无误后才能应用，有任何一行出错则不写入任何数据。更名、改码、调整上级保留历史，原编码仍可查到。',
    dry_run: '试运行 (校验)', run: '应用',
    explain: {
      MISSING_COLUMN: '文件缺少这一列：请按导出的表头补上', BAD_FORMAT: '这一格的写法不对：编码为数字，层级为 市级/县区级/乡镇街道级/村居级 之一，上级网格编码必填 (市级除外)',
      DUPLICATE: '同一编码在文件中出现了两次：请删去重复的一行', UNKNOWN_PARENT: '上级网格编码在文件和本辖区中都找不到', WRONG_LEVEL: '层级与上级不相符，或与已有网格的层级不同 (网格不能改层级)',
      CODE_RULE: '编码不符合统计用区划代码或城市管理网格编码规则 (12 位；或街道代码加序号的 14 位、20 位)', CODE_TAKEN: '这个编码已被其他网格使用', UNKNOWN_GRID: '原编码在本辖区中找不到', NOT_PERMITTED: '您的角色不能在这里新建或修改这一级网格',
    },
    reasons: {
      MISSING_COLUMN: '缺少列', BAD_FORMAT: '格式错误', DUPLICATE: '文件内重复', UNKNOWN_PARENT: '上级不存在或不在辖区内', WRONG_LEVEL: '层级不对',
      CODE_RULE: '编码不符合规则', CODE_TAKEN: '编码已被使用', UNKNOWN_GRID: '原编码不存在或不在辖区内', NOT_PERMITTED: '无权修改',
    },
  },
  all: '全部',
  enum: {
    PlanKind: { ANNUAL: '年度计划', MONTHLY: '月度计划' },
    TaskOrigin: { PLANNED: '计划任务', INSTRUCTION: '上级批示交办', COMPLAINT: '群众投诉举报', TRANSFER: '其他单位移送' },
    TaskStatus: { OPEN: '办理中', DONE: '已完成', CANCELLED: '已撤销' },
    AuditStatus: { SAMPLED: '已抽样 (评分中)', FINDINGS_ISSUED: '已下发意见 (整改中)', CLOSED: '已结束' },
    AuditFinding: { MEETS: '符合要求', ATTENTION: '需关注', IMPROVEMENT_NEEDED: '需整改' },
    AuditElementKind: { CASE_FILE: '案卷', PATROL_RECORD: '巡查记录' },
    RecommendationStatus: { OPEN: '待整改', RESPONDED: '已反馈', CLOSED: '已销号' },
    IndicatorUnit: { PERCENT: '百分比', POINTS: '分 (0-100)', COUNT: '件/次' },
  },
};

export type WorkMessages = typeof workZh;
