import type { CaseOriginName, SourceTypeName } from '@gridwatch/domain';

/** How often a category is reported in urban grids and in villages (codes missing here weigh 1). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, { urban: number; rural: number }>> = {
  DUST: { urban: 14, rural: 6 },
  CONSTRUCTION_DUST: { urban: 12, rural: 5 },
  MUCK_TRANSPORT: { urban: 8, rural: 2 },
  BURNING: { urban: 4, rural: 10 },
  STRAW_BURNING: { urban: 0, rural: 14 },
  SMALL_COAL_STOVE: { urban: 4, rural: 5 },
  BLACK_SMOKE: { urban: 3, rural: 8 },
  ODOUR: { urban: 5, rural: 7 },
  WASTEWATER: { urban: 4, rural: 10 },
  NEW_SOURCE: { urban: 3, rural: 6 },
  NOISE: { urban: 10, rural: 3 },
  CATERING_FUMES: { urban: 16, rural: 2 },
  OPEN_BARBECUE: { urban: 9, rural: 1 },
  OPEN_SPRAY_PAINTING: { urban: 4, rural: 2 },
  SOLID_WASTE: { urban: 3, rural: 7 },
  HAZARDOUS_WASTE: { urban: 1, rural: 2 },
  LIVESTOCK_WASTE: { urban: 0, rural: 10 },
  BLACK_ODOROUS_WATER: { urban: 2, rural: 4 },
  OTHER: { urban: 2, rural: 2 },
};

/** The kind of source a case of the category is usually about. */
export const CATEGORY_SOURCE_TYPE: Readonly<Record<string, SourceTypeName>> = {
  CONSTRUCTION_DUST: 'CONSTRUCTION_SITE',
  CATERING_FUMES: 'RESTAURANT',
  LIVESTOCK_WASTE: 'LIVESTOCK_FARM',
  OPEN_SPRAY_PAINTING: 'AUTO_REPAIR',
  WASTEWATER: 'ENTERPRISE',
  ODOUR: 'ENTERPRISE',
  BLACK_SMOKE: 'ENTERPRISE',
  NOISE: 'ENTERPRISE',
  HAZARDOUS_WASTE: 'ENTERPRISE',
};

const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  DUST: ['路面积尘较多，车辆经过时扬尘明显', '裸露土方未覆盖，起风时扬尘严重', '物料堆场未覆盖防尘网'],
  CONSTRUCTION_DUST: ['工地出入口未冲洗车辆，带泥上路', '施工现场未落实湿法作业，扬尘较大', '工地围挡破损，裸土未覆盖'],
  MUCK_TRANSPORT: ['渣土车未密闭运输，沿途遗撒', '夜间渣土车超载，路面抛洒泥土'],
  BURNING: ['有人露天焚烧垃圾，烟雾较大', '空地上焚烧废旧轮胎和塑料', '焚烧树叶杂草，影响周边居民'],
  STRAW_BURNING: ['田间焚烧秸秆，火点明显', '农户在田头焚烧稻草，浓烟弥漫'],
  SMALL_COAL_STOVE: ['店外使用燃煤小煤炉，冒烟严重', '早餐摊点使用蜂窝煤炉'],
  BLACK_SMOKE: ['厂区烟囱冒黑烟', '锅炉房排放黑烟，持续时间较长', '重型柴油车冒黑烟'],
  ODOUR: ['周边闻到刺鼻化工异味', '夜间有明显恶臭气体', '厂房排气口有异味'],
  WASTEWATER: ['污水直排雨水管网', '厂区暗管向河沟排放废水', '洗车废水漫流至路面'],
  NEW_SOURCE: ['新开办小作坊，未见环保手续', '新建工地未纳入污染源档案', '新增喷涂作业点'],
  NOISE: ['夜间施工噪声扰民', '设备运行噪声较大，居民投诉', '商铺外放音响，噪声扰民'],
  CATERING_FUMES: ['饭店油烟未经净化直排', '油烟净化设施未开启，油烟扰民', '排烟口朝向居民窗户'],
  OPEN_BARBECUE: ['夜间占道露天烧烤，烟雾较大', '广场周边露天烧烤摊点'],
  OPEN_SPRAY_PAINTING: ['汽修店在店外露天喷漆', '室外喷涂作业，漆雾飘散'],
  SOLID_WASTE: ['建筑垃圾随意倾倒', '工业固废露天堆放', '河道边乱堆垃圾'],
  HAZARDOUS_WASTE: ['废机油桶随意堆放', '危险废物未按规定贮存'],
  LIVESTOCK_WASTE: ['养殖场粪污直排沟渠', '养殖废水外溢，气味较重'],
  BLACK_ODOROUS_WATER: ['沟塘水体发黑发臭', '河道水面漂浮物多，散发臭味'],
  OTHER: ['其他环境问题，需现场核实'],
};

export function caseDescription(categoryCode: string, place: string, pick: (items: readonly string[]) => string): string {
  return `${place}附近${pick(DESCRIPTIONS[categoryCode] ?? DESCRIPTIONS.OTHER)}。`;
}

export const ORIGIN_WEIGHTS: ReadonlyArray<readonly [CaseOriginName, number]> = [
  ['PATROL', 55],
  ['COMPLAINT', 25],
  ['INSPECTION', 7],
  ['INSTRUCTION', 5],
  ['TRANSFER', 5],
  ['MONITORING', 3],
];

export const ORIGIN_NOTES: Readonly<Record<CaseOriginName, string>> = {
  PATROL: '网格员巡查上报',
  COMPLAINT: '群众投诉举报 (12345热线转入)',
  INSTRUCTION: '上级批示交办',
  TRANSFER: '其他单位移送',
  INSPECTION: '执法检查发现',
  MONITORING: '在线监测报警',
};
