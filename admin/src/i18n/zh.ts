import { fieldZh, type FieldMessages } from './zh-field';
import { raZh } from './zh-ra';
import { workZh, type WorkMessages } from './zh-work';
import { trainingZh, type TrainingMessages } from './zh-training';
import { webhooksZh, type WebhookMessages } from './zh-webhooks';
import { alertsZh, type AlertMessages } from './zh-alerts';

/** The console's own strings (zh-CN, the default). en.ts must have exactly these keys. */
const baseZh = {
  resources: {
    grids: {
      name: '网格 |||| 网格',
      fields: {
        id: 'ID', code: '网格编码', name: '名称', level: '层级', kind: '类型', active: '在用', illustrative: '示意划分',
        parent: '上级网格', parentId: '上级网格', ancestors: '上级', centroid: '中心点', lng: '经度', lat: '纬度', q: '编码或名称',
        hasPlatform: '数字化城管平台', validFrom: '生效时间', parentCode: '上级网格编码', validTo: '失效时间', actorName: '操作人',
      },
    },
    accounts: {
      name: '账号 |||| 账号',
      fields: { login: '登录名', displayName: '显示名称', role: '角色', unit: '所属单位', unitId: '所属单位 (属地)', active: '在用', password: '初始密码', departmentId: '所属部门' },
    },
    apiKeys: {
      name: '接口密钥 |||| 接口密钥',
      fields: { name: '名称', prefix: '前缀', scopes: '权限范围', rateLimitPerMinute: '每分钟请求上限', expiresAt: '过期时间', revokedAt: '吊销时间' },
    },
    departments: {
      name: '责任部门 |||| 责任部门',
      fields: { id: 'ID', name: '名称', field: '职能', active: '在用', unit: '所属单位', unitId: '所属单位', categories: '负责的案件类别', categoryIds: '负责的案件类别', q: '名称' },
    },
    officers: {
      name: '执法人员 |||| 执法人员',
      fields: {
        id: 'ID', name: '姓名', active: '在岗', badgeNumber: '执法证号', phone: '联系电话', employerUnit: '用人单位', employerUnitId: '用人单位',
        grids: '负责的网格', gridIds: '负责的网格', gridId: '负责网格', q: '姓名',
      },
    },
    gridWorkers: {
      name: '环保网格员 |||| 环保网格员',
      fields: {
        id: 'ID', name: '姓名', active: '在岗', employment: '用工方式', phone: '联系电话', employerUnit: '聘用单位', employerUnitId: '聘用单位',
        grids: '负责的网格', gridIds: '负责的网格', gridId: '负责网格', q: '姓名',
      },
    },
    sources: {
      name: '污染源 |||| 污染源档案',
      fields: {
        id: 'ID', name: '名称', creditCode: '统一社会信用代码', sourceCode: '污染源编码', outlets: '排放口', type: '类型', industry: '行业', supervisionLevel: '监管等级', status: '状态',
        address: '地址', location: '位置', grid: '所在网格', gridId: '所在网格', withinId: '网格范围', lng: '经度', lat: '纬度', history: '变更历史', q: '名称或信用代码',
      },
    },
    cases: {
      name: '案件 |||| 案件',
      fields: {
        id: 'ID', number: '案件编号', status: '状态', origin: '来源', urgency: '紧急程度', reportedAt: '上报时间', dueAt: '当前环节时限', closedAt: '结案时间',
        address: '地址', description: '问题描述', category: '案件类别', categoryId: '案件类别', grid: '所在网格', gridId: '所在网格', withinId: '网格范围',
        source: '涉及污染源', sourceId: '涉及污染源', complainantName: '投诉人姓名', complainantPhone: '投诉人电话', field: '责任部门职能',
        location: '位置', lng: '经度', lat: '纬度', events: '流转记录', reportedFrom: '上报日期起', reportedTo: '上报日期止', q: '编号、描述或地址', county: '所在县区', handlingUnit: '当前办理单位',
        channel: '受理渠道', externalTicket: '工单号', answerDueAt: '答复时限', answeredAt: '答复时间', answerText: '答复内容', answerMethod: '答复方式',
        answerSatisfaction: '投诉人满意度',
      },
    },
    spotChecks: {
      name: '双随机抽查 |||| 双随机抽查',
      fields: {
        title: '任务名称', status: '状态', stratification: '分层方式', sampleSize: '每层抽取数量', samplePercent: '每层抽取比例', currentDrawNo: '当前抽取序号', unit: '组织单位',
        supervisionLevels: '监管等级 (抽样总体)', withinUnitIds: '所在单位 (抽样总体)', inspectorPoolIds: '检查人员库', inspectorsPerSource: '每个污染源的检查人员数', conflictRule: '回避规则',
        sampleSizeHint: '每层抽取的污染源数',
      },
    },
    caseCategories: { name: '案件类别 |||| 案件类别', fields: { code: '代码', name: '名称' } },
  },
  gw: {
    month: { earlier: '本月 (%{current}) 尚无数据，已打开有数据的最近月份 %{month}' },
    list: { nothing_yet: '这里还没有记录；由负责的单位建立后会显示在这里。' },
    app: { title: '网格化环境监管', subtitle: 'gridwatch' },
    menu: { dashboard: '概览', map: '地图', inspection_overdue: '超期未检查', coverage: '巡查覆盖', assessment: '考核排名' },
    lang: { zh: '中文', en: 'English', switch: '语言' },
    auth: {
      bad_credentials: '用户名或密码错误',
      sign_in_first: '请先登录',
      session_expired: '会话已过期，请重新登录',
      lapsed_title: '登录已过期',
      lapsed_explained: '长时间未操作或已在别处退出，登录已失效。请重新输入密码：本页填写的内容会保留，登录后再次提交即可。',
      lapsed_before: '上次登录已过期，请重新登录，登录后回到原来的页面。',
      signed_in_again: '已重新登录，请再次提交刚才的操作',
      unit: '单位',
      role: '角色',
    },
    role: {
      API_CLIENT: '第三方接口', CITY_ADMIN: '市环保局管理员', CITY_DEPARTMENT: '市直部门', CITY_INSPECTOR: '市级执法', COUNTY_ADMIN: '县区环保局',
      COUNTY_DEPARTMENT: '县区部门', GRID_WORKER: '环保网格员', OFFICER: '执法人员', PLATFORM_OPERATOR: '数字城管坐席', TOWNSHIP_ADMIN: '乡镇街道',
    },
    enum: {
      GridLevel: { CITY: '市级', COUNTY: '县区级', TOWNSHIP: '乡镇街道级', VILLAGE: '村居级' },
      GridKind: { ADMINISTRATIVE: '按行政区域', URBAN_MANAGEMENT: '城市管理网格' },
      SourceType: { AUTO_REPAIR: '汽修', CONSTRUCTION_SITE: '建筑工地', ENTERPRISE: '企业', LIVESTOCK_FARM: '畜禽养殖', OTHER: '其他', RESTAURANT: '餐饮' },
      SourceStatus: { ACTIVE: '在产', CLOSED: '关闭', PENDING: '待确认', SUSPENDED: '停产', REJECTED: '不予确认' },
      SpotCheckStatus: { DRAFT: '草拟', DRAWN: '已抽取', COMPLETED: '已完成', PUBLISHED: '已公开', CANCELLED: '已撤销' },
      SpotCheckStratification: { NONE: '不分层', LEVEL: '按监管等级', UNIT: '按县区', LEVEL_AND_UNIT: '按监管等级和县区' },
      SpotCheckResult: { COMPLIANT: '未发现问题', PROBLEM_FOUND: '发现问题' },
      ConflictRule: { NONE: '不回避', SAME_COUNTY: '回避本县区人员' },
      InspectionResult: { COMPLIANT: '未发现问题', PROBLEM_FOUND: '发现问题' },
      AssessmentSubjectType: { COUNTY: '县区', TOWNSHIP: '乡镇街道', GRID: '网格', DEPARTMENT: '责任部门', GRID_WORKER: '环保网格员', OFFICER: '执法人员', STREET: '街道' },
      SupervisionLevel: { GENERAL: '一般', KEY: '重点', SPECIAL: '特殊' },
      OutletMedium: { AIR: '废气', WATER: '废水' },
      SourceChangeAction: { CREATED: '建档', DEACTIVATED: '注销', UPDATED: '修改', CONFIRMED: '确认', REJECTED: '不予确认' },
      CaseStatus: {
        CANCELLED: '已注销', CLOSED: '已结案', DISPATCHED: '已派遣', EVALUATED: '已评价', FED_BACK: '已反馈', FILED: '已立案',
        EXTENSION_REQUESTED: '延期待批', IN_PROGRESS: '处理中', PARKED: '挂账', REPORTED: '已上报',
      },
      CaseOrigin: { COMPLAINT: '群众投诉举报', INSPECTION: '执法检查', INSTRUCTION: '上级批示交办', MONITORING: '监测报警', PATROL: '网格巡查', TRANSFER: '其他单位移送' },
      CaseComplexity: { NORMAL: '一般', COMPLEX: '复杂', SPECIAL: '特殊' },
      EvidenceStage: { REPORT: '上报 (整改前)', FEEDBACK: '办理结果', VERIFY: '核查 (整改后)' },
      CaseUrgency: { EMERGENCY: '突发', NORMAL: '一般', URGENT: '紧急' },
      AssignmentState: { DISPATCHED: '待受理', ACCEPTED: '已受理', FED_BACK: '已反馈' },
      CaseAction: {
        REPORT: '上报', FILE: '立案', CANCEL: '注销', ESCALATE: '上报上一级网格', DISPATCH: '派遣', ACCEPT: '受理', RETURN: '回退', FEEDBACK: '结果反馈',
        REQUEST_EXTENSION: '申请延期', APPROVE_EXTENSION: '批准延期', REJECT_EXTENSION: '驳回延期', PARK: '挂账', RESUME: '恢复办理',
        VERIFY_PASS: '核实通过(结案)', VERIFY_FAIL: '核实不通过(返工)', EVALUATE: '综合评价', REOPEN: '重新办理', ANSWER: '答复投诉人', RECOMPUTE_DEADLINE: '期限重算',
        ACCEPT_ASSIGNMENT: '配合部门受理', FEED_BACK_ASSIGNMENT: '配合部门反馈',
      },
      ApiKeyScope: { CREATE_COMPLAINTS: '提交投诉', READ_CASES: '读取案件', READ_DEPARTMENTS: '读取部门', READ_GRIDS: '读取网格', READ_SOURCES: '读取污染源' },
      CaseChannel: { HOTLINE_12345: '12345 政务服务热线', HOTLINE_12369: '12369 环保举报热线', WECHAT: '微信', PHONE: '电话', LETTER: '来信', VISIT: '来访', API: '第三方接口' },
      AnswerMethod: { PHONE: '电话', SMS: '短信', LETTER: '书面', VISIT: '当面', ONLINE: '网上 (热线平台/微信)' },
      AnswerSatisfaction: { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', NOT_REACHED: '未联系上' },
      CancelReason: { DUPLICATE: '重复', INVALID: '无效', OUT_OF_SCOPE: '不属于环境监管范围' },
      Employment: { FULL_TIME: '专职', PART_TIME: '兼职' },
      DepartmentField: {
        AGRICULTURE: '农业', COMMERCE: '商务', CONSTRUCTION: '城乡建设', DEVELOPMENT_REFORM: '发展改革', ECONOMY_IT: '经济和信息化', ENVIRONMENT: '环境保护',
        FINANCE: '财政', FORESTRY_GARDENS: '林业和园林', LAND: '国土资源', LIVESTOCK_FISHERY: '畜牧水产', MARKET_REGULATION: '工商 (市场监管)', PLANNING: '规划',
        PUBLIC_SECURITY: '公安', TOWNSHIP_OFFICE: '乡镇街道办', TRANSPORT: '交通运输', URBAN_MANAGEMENT: '城市管理', WATER: '水务', WORK_SAFETY: '安全生产',
      },
    },
    category: {
      DUST: '扬尘', CONSTRUCTION_DUST: '施工工地扬尘', MUCK_TRANSPORT: '渣土运输遗撒', BURNING: '焚烧', STRAW_BURNING: '秸秆焚烧', SMALL_COAL_STOVE: '小煤炉',
      BLACK_SMOKE: '冒黑烟', ODOUR: '异味气体', WASTEWATER: '废水乱排', NEW_SOURCE: '新增污染源', NOISE: '噪声扰民', CATERING_FUMES: '餐饮油烟',
      OPEN_BARBECUE: '露天烧烤', OPEN_SPRAY_PAINTING: '露天喷涂', SOLID_WASTE: '固体废物乱堆乱倒', HAZARDOUS_WASTE: '危险废物', LIVESTOCK_WASTE: '畜禽养殖污染',
      BLACK_ODOROUS_WATER: '黑臭水体', OTHER: '其他环境问题',
    },
    errors: {
      BAD_USER_INPUT: '输入有误，请检查标出的字段',
      NOT_FOUND: '记录不存在，或不在您的辖区内',
      CONFLICT: '记录已被他人修改或与现有记录重复，请刷新后重试',
      ILLEGAL_TRANSITION: '案件当前状态不允许此操作，可能已被他人处理，请刷新后查看',
      PARTNERS_PENDING: '仍有配合部门未反馈且未超过其办理时限，请待其反馈后再统一反馈',
      FORBIDDEN: '您的角色无权执行此操作',
      UNAUTHENTICATED: '请先登录',
      INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后重试',
      PAYLOAD_TOO_LARGE: '提交的内容过大',
      BAD_REQUEST: '请求格式有误',
      NETWORK_ERROR: '无法连接服务器，请检查网络',
      NOT_SUPPORTED: '暂不支持此操作',
      field: {
        invalid: '此项输入有误', required: '必填', min: '不能小于 %{min}', max: '不能大于 %{max}', min_length: '至少 %{min} 个字符', max_length: '不能超过 %{max} 个字符',
        min_items: '至少选择 %{min} 项', max_items: '最多 %{max} 项', credit_code: '应为 18 位统一社会信用代码，校验位正确 (GB 32100)，且属于您可登记的范围',
        source_code: '应为 HJ 608-2017 污染源编码 (统一社会信用代码或 H9 代码 + 001-999 场所顺序码 + 1 位大写字母)，且属于您可登记的范围',
        blank: '不能只填空格', empty_population: '该时段内没有可抽取的记录',
      },
      request_id: '请求编号',
    },
    pagination: { previous: '上一页', next: '下一页', page: '第 %{page} 页', total: '共 %{total} 条', keyset: '按游标翻页：只提供上一页、下一页' },
    tree: { title: '网格树', hint: '自本单位向下，点击展开下级', more: '加载更多', empty: '无下级网格', show: '查看' },
    grid: { history: '历史 (原编码)', inherited: '继承上级', own_setting: '本网格设置', summary: '概况', children: '下级网格', staff: '人员', officers: '执法人员', gridWorkers: '环保网格员', sources: '污染源', cases: '案件', list: '网格列表' },
    password: {
      title: '修改密码',
      current: '当前密码',
      next: '新密码 (10 位以上，不能全是数字，不能包含登录名)',
      repeat: '再次输入新密码',
      mismatch: '两次输入的新密码不一致',
      changed: '密码已修改，其他设备上的登录已退出',
      wrong_current: '当前密码不正确',
      weak: '新密码不符合要求：10 位以上，不能全是数字，不能包含登录名',
    },
    accounts: {
      deactivate: '停用',
      deactivated: '账号已停用',
      login_rule: '小写字母开头，3-60 位小写字母、数字、_ . -',
      department_hint: '部门角色 (区县部门、市级部门) 必填',
      role_hint: '只列出您可以授予的角色；改角色或单位后该账号需重新登录',
    },
    apiKeys: {
      create: '新建接口密钥',
      revoke: '吊销',
      revoked: '密钥已吊销',
      once_warning: '这是完整密钥，只显示这一次：请立即复制并妥善保存，关闭后无法再次查看。',
      copy: '复制密钥',
      copied: '已复制到剪贴板',
      done: '我已保存，返回列表',
      unit_hint: '密钥可访问的范围：%{unit}及其下级',
    },
    queues: { department: '本部门待办 (%{department})', unit: '本单位待办', dispatch: '待派遣', verify: '待核查', below: '下级待办', mine: '我上报的', overdue: '已超时', due_soon: '即将到期' },
    workflow: {
      conflict: '案件已被他人更新 (版本已变化)，已为您刷新，请按最新状态重新操作',
      submit: '提交',
      done: '已完成：%{action}',
      departments: '责任部门 (可多选)',
      suggested: '推荐',
      lead: '牵头部门',
      matrix_lead: '职责表: 牵头',
      matrix_partner: '职责表: 配合',
      unstaffed: '无账号',
      suggestion: '由类别「%{category}」的法定职责矩阵建议：牵头 %{lead}',
      suggestion_partners: '；可配合：%{partners}',
      no_suggestion: '法定职责矩阵中本级没有该类别的责任部门，请按名称搜索选择',
      more_departments: '其他部门 (输入名称搜索)',
      unstaffed_lead: '「%{name}」没有在用账号：派遣后无人能受理，案件会停滞。请先为该部门开通账号，或另选牵头部门。',
      complexity: '案情 (决定处置时限)',
      fields: {
        reason: '理由', cancelReason: '注销原因', result: '查处结果', extensionDays: '延期工作日数', reviewAt: '复查日期', score: '得分 (0-100)',
        duplicateOfNumber: '主案件编号', afterPhoto: '整改后照片 (结案必需)', feedbackPhotos: '办理结果照片 (可选)', note: '备注 (可选)', departments: '责任部门',
        text: '答复内容 (记入流转记录，勿写投诉人姓名、电话)', method: '答复方式', satisfaction: '投诉人满意度 (可选)',
      },
    },
    assignment: {
      title: '派遣部门 (联合执法)', lead: '牵头部门', partner: '配合部门', due: '本部门时限', accepted: '受理', fed_back: '反馈', department: '部门',
    },
    case: {
      actor: '经办人',
      by_system: '系统自动',
      summary_due: '当前环节时限',
      summary_handler: '办理单位',
      summary_lead: '牵头部门',
      summary_score: '评价得分',
      photos: '现场照片',
      photos_none: '暂无照片',
      photo_taken: '拍摄于 %{at}',
      photo_place: '位置 %{lng}, %{lat}',
      photo_no_exif: '照片未带拍摄时间、位置',
      timeline: '流转记录',
      timeline_empty: '暂无流转记录',
      report: '上报案件',
      actions: '流转操作',
      actions_none: '您当前对此案件没有可执行的操作',
      from_to: '%{from} → %{to}',
      by: '操作人角色',
      note: '说明',
      at: '时间',
      action: '操作',
      location_hint: '经纬度 (WGS-84)，可选',
      reconcile_csv: '工单对账 CSV',
      reconcile_xlsx: '工单对账 Excel',
      ticket_hint: '12345、12369 热线工单必填，同一渠道内不可重复',
    },
    spotCheck: {
      all_sources: '全部污染源',
      draw: '随机抽取', redraw: '重新抽取', redraw_reason: '控制台重新抽取', drawn: '已抽取', replay: '复现抽取', replay_ok: '复现一致：同一种子与快照得到同样结果', replay_bad: '复现不一致',
      complete: '完成', completed: '任务已完成', publish: '公开结果', published: '结果已公开', record: '录入结果', recorded: '结果已录入',
      result: '检查结果', notes: '检查情况', stratum: '所在层', inspectors: '检查人员', no_items: '尚未抽取',
    },
    coverage: {
      month: '月份', month_hint: '如 2026-11，留空为本月', grids: '网格数', required: '计划巡查', expected: '应完成', done: '已完成', rate: '完成率',
      gaps: '无人覆盖网格', behind: '进度落后网格员', gaps_title: '覆盖缺口：无执法人员或无网格员的网格', behind_title: '巡查进度落后的网格员',
    },
    assessment: {
      publish: '公布 (冻结)', publish_done: '已公布：数值已冻结', not_ended: '考核期尚未结束，结束后才能公布',
      sample_too_small: '不排名：样本量不足', sample_rule: '%{measure}少于 %{min} 的不参与排名 (照常列出)',
      rank_rule: '排名：并列者名次相同，其后名次顺延 (1, 2, 2, 4)，并列者按代码排列；无值者不排名。',
      live: '实时计算 (未公布)：数值随案件和现行指标变化', published: '已公布 (%{at})：数值已冻结，取自公布时的快照，不随此后的案件或指标变化',
      period: '考核期', period_hint: '月 2026-10，季度 2026-Q3，年 2026', subject: '考核对象', subject_name: '名称',
      drill_hint: '点击基础计量的数字，查看其背后的案件', case_count: '共 %{count} 件案件 (下列为您辖区内可见的)',
    },
    /** The built-in indicators' names by code (English mode; Chinese shows the name the server keeps). */
    indicatorName: {
      CLOSE_RATE: '结案率', ONTIME_CLOSE_RATE: '按期结案率', ONTIME_CLOSE_RATE_EXCL_PARKED: '按期结案率 (剔除缓办)', REWORK_RATE: '返工率', EXTENSION_RATE: '延期率',
      ONTIME_HANDLING_RATE: '按期处置率', VALID_REPORT_RATE: '有效上报率', ONTIME_VERIFY_RATE: '按时核实率', CORRECT_DISPATCH_RATE: '准确派遣率', COMPOSITE: '综合指标值',
      PATROL_COMPLETION_RATE: '巡查频次完成率', GRID_COVERAGE_RATE: '网格覆盖率', KEY_SOURCE_INSPECTION_RATE: '重点源按频次检查率', ACTIVE_RATE: '活跃率', TRAINING_COVERAGE_RATE: '培训覆盖率',
    },
    measure: { reported: '上报数', valid_reports: '有效上报数', due: '应结案数', closed: '结案数', closed_on_time: '按期结案数', parked: '缓办数', handled: '处置数', handled_on_time: '按期处置数', rework_cases: '返工案件数', rework_count: '返工次数', extended: '延期案件数', verifications: '核实次数', verified_on_time: '按时核实次数', dispatches: '派遣次数', dispatches_correct: '准确派遣次数', patrols_required: '应巡查次数', patrols_done: '已巡查次数', grids_total: '网格总数', grids_staffed: '已配备人员网格数', key_sources: '重点污染源数', key_sources_inspected: '已检查重点污染源数', active_days: '在岗活跃天数', working_days: '工作日数' },
    source: {
      history: '变更历史', history_empty: '暂无变更记录', changes: '变更内容', at: '时间', action: '类型', by: '操作人', grid_out_of_scope: '(辖区外的网格)',
      pending: '待确认', pending_hint: '网格员新报的污染源，待核实确认', confirm: '确认', reject: '不予确认', confirmed: '已确认入档', rejected: '已标为不予确认', reason: '理由',
      inspections: '检查记录', inspections_empty: '暂无检查记录', inspected_on: '检查日期', result: '检查结果', inspector: '检查人', findings: '检查情况',
      compliance: '合规历史', q_inspected: '已检查', q_not_inspected: '未检查', q_violation: '发现违法问题', q_case_open: '有未结案件',
      compliance_legend: '每格一个季度：绿色 已检查且无问题，黄色 有未结案件，红色 发现违法问题，空心 未检查',
      overdue_hint: '按监管等级的检查频次 (敏感时期加密) 已超期的污染源，共 %{total} 个，超期最久的在前',
      last_inspected: '最近检查', due_on: '应检查日期', days_overdue: '超期天数', never: '从未检查',
      code_help: 'HJ 608-2017：统一社会信用代码 (无代码单位为 H9 代码) + 3位生产经营场所顺序码 + 1位大写字母，如 91130200699229617X001P',
      credit_help: '填了污染源编码可不填，取其前18位',
      code_length: '污染源编码应为22位', code_unit: '前18位应为统一社会信用代码或 H9 代码', code_site: '第19-21位应为生产经营场所顺序码 001-999', code_suffix: '第22位应为1个大写英文字母',
      outlets: '排放口', outlets_empty: '暂无排放口', outlet_add: '新增排放口', outlet_edit: '修改排放口', outlet_code: '排放口编码', outlet_name: '名称', outlet_medium: '类别',
      outlet_code_help: 'DA (废气) 或 DW (废水) + 3位顺序码，如 DA001', outlet_delete: '删除排放口', outlet_delete_confirm: '删除排放口 %{code}？仅用于删除误录的排放口。', outlet_saved: '排放口已保存', outlet_deleted: '排放口已删除',
    },
    dashboard: {
      title: '概览',
      scope: '统计范围：%{unit}',
      cases_total: '案件总数',
      sources_total: '污染源总数',
      open_cases: '未结案件',
      by_status: '案件按状态',
      by_category: '案件按类别',
      by_county: '各县区案件数',
      by_unit: '各下级单位案件数',
      overdue_cases: '超时案件',
      overdue_by_county: '各县区超时案件',
      overdue_by_unit: '各下级单位超时案件',
      trend_DAY: '案件趋势 (近 30 天，按日)',
      trend_WEEK: '案件趋势 (近 12 周，按周)',
      by_day: '按日',
      by_week: '按周',
      reported: '上报',
      closed: '结案',
      ranking: '办结率排名',
      rank: '名次',
      unit: '单位',
      rate: '办结率',
      overdue: '超时',
      count: '数量',
      loading: '正在统计…',
    },
    map: {
      title: '地图',
      note: '离线地图 (无在线底图): 县区、乡镇街道边界与名称; 污染源、案件、巡查打卡按位置聚合, 点击数字放大, 点击单个点打开记录',
      sources: '污染源',
      cases: '案件',
      check_ins: '巡查打卡',
      townships: '乡镇街道边界',
      total: '%{layer}: 共 %{total} 条 (视野内 %{inView} 条, 无坐标 %{unlocated} 条)',
      denied: '%{layer}: 本角色无权查看',
      cluster: '%{count} 条记录, 点击放大',
      zoom_in: '放大',
      layer_control: '图层',
      zoom_out: '缩小',
      legend_real: '实线: 公开的行政区划边界或管理员导入的边界',
      legend_approximated: '虚线: 示意边界 (按中心点近似划分, 非权威划界)',
      legend_clusters: '圆圈中的数字为该处的记录数',
    },
    boundary_import: {
      title: '边界导入 (GeoJSON)',
      hint: '上传 GeoJSON 要素集 (FeatureCollection)：每个要素的 properties.code 为网格编码，几何为面或多面 (WGS-84 经纬度)。市管理员可导入各县区及以下网格，县区管理员导入本县区的乡镇街道、村居网格。全部要素校验无误才写入；导入的边界在地图上以实线显示，不再标为示意。',
      choose: '选择 GeoJSON 文件',
      done: '已导入 %{count} 个网格的边界',
      unreadable: '无法读取该文件：请上传 GeoJSON 格式的要素集',
      rejected: '发现 %{errors} 处错误，未写入任何边界：',
      feature: '第 %{n} 个要素 (编码 %{code})',
      reasons: {
        NOT_A_FEATURE: '不是 GeoJSON 要素',
        MISSING_CODE: '缺少网格编码 (properties.code)',
        DUPLICATE: '同一网格在文件中出现了两次',
        BAD_GEOMETRY: '几何不是有效的面或多面',
        UNKNOWN_GRID: '网格编码不存在或不在辖区内',
        NOT_PERMITTED: '您的角色不能修改这一网格的边界',
      },
    },
    export: { csv: '导出 CSV', xlsx: '导出 Excel', note: '由服务器导出当前筛选条件下的全部记录 (本辖区内)' },
    empty: '暂无数据',
    yes: '是',
    no: '否',
  },
};

export type BaseMessages = typeof baseZh;

/** Adds the work screens' strings (zh-work.ts / en-work.ts) one level below `resources` and `gw`. */
export function withWork(base: BaseMessages, work: WorkMessages) {
  const { resources, menu, errors, enum: enums, ...gw } = work;
  return {
    ...base,
    resources: { ...base.resources, ...resources },
    gw: { ...base.gw, ...gw, menu: { ...base.gw.menu, ...menu }, errors: { ...base.gw.errors, ...errors }, enum: { ...base.gw.enum, ...enums } },
  };
}

/** And the field screens' strings (zh-field.ts / en-field.ts) as gw.field. */
export function withField<M extends ReturnType<typeof withWork>>(messages: M, field: FieldMessages) {
  return { ...messages, gw: { ...messages.gw, field } };
}

/** And the training and monthly report screens' strings (zh-training.ts / en-training.ts). */
export function withTraining<M extends ReturnType<typeof withWork>>(messages: M, t: TrainingMessages) {
  const { menu, measure, enum: enums, ...gw } = t;
  return {
    ...messages,
    gw: { ...messages.gw, ...gw, menu: { ...messages.gw.menu, ...menu }, measure: { ...messages.gw.measure, ...measure }, enum: { ...messages.gw.enum, ...enums } },
  };
}

/** And the webhook settings screen's strings (zh-webhooks.ts / en-webhooks.ts). */
export function withWebhooks<M extends ReturnType<typeof withWork>>(messages: M, w: WebhookMessages) {
  return { ...messages, gw: { ...messages.gw, webhooks: w.webhooks, menu: { ...messages.gw.menu, ...w.menu } } };
}

/** And the alert inbox and 通报 notice strings (zh-alerts.ts / en-alerts.ts). */
export function withAlerts<M extends ReturnType<typeof withWork>>(messages: M, a: AlertMessages) {
  const { menu, enum: enums, ...gw } = a;
  return { ...messages, gw: { ...messages.gw, ...gw, menu: { ...messages.gw.menu, ...menu }, enum: { ...messages.gw.enum, ...enums } } };
}

export const appZh = withAlerts(withWebhooks(withTraining(withField(withWork(baseZh, workZh), fieldZh), trainingZh), webhooksZh), alertsZh);
export type AppMessages = typeof appZh;

export const zhMessages = { ...raZh, ...appZh };
