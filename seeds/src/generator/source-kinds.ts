import type { CreditCodeKind } from '../credit-code';
import { type Rng, WeightedPicker } from '../random';
import type { SourceTypeName } from '@gridwatch/domain';
import { brand, personName } from './names';

/** An industry (行业) of a source type with its name parts and how often it is a key source. */
export interface Industry {
  name: string;
  weight: number;
  /** Share of sources of this industry supervised as KEY (重点). */
  keyShare: number;
  /** Name endings (the business words of the name). */
  endings: readonly string[];
}

const COMPANY = ['有限公司', '有限责任公司', '股份有限公司'];

export const INDUSTRIES: Readonly<Record<SourceTypeName, readonly Industry[]>> = {
  ENTERPRISE: [
    { name: '化学原料和化学制品制造', weight: 8, keyShare: 0.45, endings: ['化工', '新材料', '精细化工'] },
    { name: '金属制品', weight: 12, keyShare: 0.15, endings: ['金属制品', '五金', '钢结构'] },
    { name: '家具制造', weight: 10, keyShare: 0.12, endings: ['家具', '木业'] },
    { name: '印刷和包装', weight: 9, keyShare: 0.12, endings: ['印务', '包装材料', '彩印'] },
    { name: '非金属矿物制品', weight: 9, keyShare: 0.2, endings: ['建材', '水泥制品', '新型墙材'] },
    { name: '农副食品加工', weight: 10, keyShare: 0.06, endings: ['食品', '米业', '粮油'] },
    { name: '纺织印染', weight: 5, keyShare: 0.3, endings: ['纺织', '印染'] },
    { name: '汽车零部件制造', weight: 10, keyShare: 0.12, endings: ['汽车零部件', '汽配'] },
    { name: '电子元件制造', weight: 9, keyShare: 0.08, endings: ['电子', '光电科技'] },
    { name: '塑料制品', weight: 8, keyShare: 0.1, endings: ['塑业', '塑胶'] },
    { name: '医药制造', weight: 4, keyShare: 0.35, endings: ['药业', '生物医药'] },
    { name: '混凝土搅拌', weight: 6, keyShare: 0.2, endings: ['商品混凝土', '混凝土'] },
    { name: '铸造', weight: 4, keyShare: 0.3, endings: ['铸造', '铸业'] },
  ],
  CONSTRUCTION_SITE: [
    { name: '房屋建筑', weight: 7, keyShare: 0.05, endings: ['花园', '家园', '府', '名苑', '雅苑', '公馆', '广场'] },
    { name: '市政道路', weight: 3, keyShare: 0.05, endings: ['道路改造', '快速路', '管网'] },
  ],
  RESTAURANT: [
    { name: '餐饮', weight: 1, keyShare: 0.02, endings: ['牛肉汤馆', '烧烤店', '龙虾馆', '火锅店', '面馆', '大排档', '土菜馆', '烤鱼店', '鸭血粉丝店', '包子铺', '快餐店', '酒楼', '饭店'] },
  ],
  LIVESTOCK_FARM: [
    { name: '生猪养殖', weight: 5, keyShare: 0.15, endings: ['生猪养殖场', '生猪养殖专业合作社'] },
    { name: '家禽养殖', weight: 4, keyShare: 0.1, endings: ['养鸡场', '养鸭场', '家禽养殖专业合作社'] },
    { name: '牛羊养殖', weight: 2, keyShare: 0.1, endings: ['肉牛养殖场', '养羊专业合作社'] },
  ],
  AUTO_REPAIR: [
    { name: '机动车维修', weight: 1, keyShare: 0.03, endings: ['汽车维修服务部', '汽修厂', '汽车美容养护中心', '汽车钣金喷漆中心'] },
  ],
  OTHER: [
    { name: '加油站', weight: 3, keyShare: 0.08, endings: ['加油站'] },
    { name: '洗染服务', weight: 2, keyShare: 0.02, endings: ['干洗店'] },
    { name: '垃圾转运', weight: 2, keyShare: 0.05, endings: ['垃圾中转站'] },
  ],
};

const industryPickers = Object.fromEntries(
  Object.entries(INDUSTRIES).map(([type, list]) => [type, new WeightedPicker(list.map((i) => [i, i.weight] as const))]),
) as Record<SourceTypeName, WeightedPicker<Industry>>;

export function pickIndustry(type: SourceTypeName, rng: Rng): Industry {
  return industryPickers[type].pick(rng);
}

const PHASES = ['', '一期', '二期', '三期'];

/** A realistic name for a source: company, site, shop or farm. */
/** `unit` is the level-2 unit's short name, `place` the full place of the grid. */
export function sourceName(type: SourceTypeName, industry: Industry, where: { unit: string; place: string }, companyPrefix: string, rng: Rng): string {
  const ending = rng.pick(industry.endings);
  switch (type) {
    case 'ENTERPRISE':
      return `${companyPrefix}${brand(rng)}${ending}${rng.pick(COMPANY)}`;
    case 'CONSTRUCTION_SITE':
      return `${brand(rng)}${ending}${rng.pick(PHASES)}项目施工工地`;
    case 'RESTAURANT':
      return rng.chance(0.5) ? `${personName(rng).slice(0, 1)}记${ending}` : `${brand(rng)}${ending}`;
    case 'LIVESTOCK_FARM':
      return `${where.unit}${brand(rng)}${ending}`;
    case 'AUTO_REPAIR':
      return `${brand(rng)}${ending}`;
    case 'OTHER':
      return ending === '垃圾中转站' ? `${where.place}${ending}` : `${brand(rng)}${ending}`;
  }
}

/** Which register the source's credit code comes from, or null when it has none. */
export function creditKind(type: SourceTypeName, name: string, rng: Rng): CreditCodeKind | null {
  switch (type) {
    case 'ENTERPRISE':
      return 'ENTERPRISE';
    case 'CONSTRUCTION_SITE':
      // A site is a project, not a registrant; half record the contractor's code.
      return rng.chance(0.5) ? 'ENTERPRISE' : null;
    case 'RESTAURANT':
      return rng.chance(0.3) ? null : rng.chance(0.75) ? 'INDIVIDUAL' : 'ENTERPRISE';
    case 'LIVESTOCK_FARM':
      if (name.endsWith('合作社')) return 'COOPERATIVE';
      return rng.chance(0.1) ? null : rng.chance(0.7) ? 'ENTERPRISE' : 'INDIVIDUAL';
    case 'AUTO_REPAIR':
      return rng.chance(0.1) ? null : rng.chance(0.6) ? 'INDIVIDUAL' : 'ENTERPRISE';
    case 'OTHER':
      return rng.chance(0.2) ? null : 'ENTERPRISE';
  }
}
