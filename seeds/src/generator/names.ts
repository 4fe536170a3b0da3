import { type Rng, WeightedPicker } from '../random';

// Common surnames, most frequent first (weights fall off with rank), with a few that are
// typical of Anhui (汪, 方, 程, 章, 储, 鲍) mixed in.
const SURNAMES = (
  '王李张刘陈杨黄吴赵周徐孙汪朱胡马郭何高林方罗程郑梁谢宋唐许韩冯邓曹彭曾章肖田董袁潘' +
  '于蒋蔡余杜叶苏魏吕丁任沈姚卢姜崔钟谭陆范金石廖贾夏储韦鲍付白邹孟熊秦邱江尹薛段雷' +
  '侯龙史陶黎贺顾毛郝龚邵万钱严戴孔汤葛'
).split('');
const surnamePicker = new WeightedPicker(SURNAMES.map((s, rank) => [s, 1 / Math.pow(rank + 1, 0.8)] as const));

const GIVEN = (
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂文辉华建国红玉萍鹏飞斌宇浩凯俊帅健波宁婷' +
  '雪琳晶丹慧燕梅玲莉倩颖欣雨晨阳林峰鑫海东亮志新春成龙云立庆利福荣生贵祥瑞佳家子梓若思诗' +
  '金宏永德振安全发喜松翔宏伦凤琴芬霖睿涵轩泽博昊然怡萱彤婉淑珍荷卫兵胜武'
).split('');

export function personName(rng: Rng): string {
  const surname = surnamePicker.pick(rng);
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
}

// Mobile prefixes of the three carriers; 11 digits in all.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];

export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Characters of trade names (字号). */
const BRAND = '华鑫宏泰恒盛达源丰新顺安通远鸿瑞祥德诚信利民嘉和金天宇兴旺隆昌凯博润正永长海江山峰林森美佳优创科智联合力邦众益康富升辰景晟泓铭锦亿晶汇'.split('');

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (b === a) b = rng.pick(BRAND);
  return a + b;
}

/** Main roads of Hefei, for urban addresses. */
export const ROADS = [
  '长江中路', '长江东路', '长江西路', '淮河路', '宿州路', '金寨路', '徽州大道', '马鞍山路', '望江路',
  '潜山路', '黄山路', '合作化路', '北京路', '胜利路', '临泉路', '铜陵路', '明光路', '濉溪路', '阜阳路',
  '蒙城路', '肥西路', '繁华大道', '翡翠路', '创新大道', '天门路', '习友路', '方兴大道', '包河大道',
  '裕溪路', '龙岗路', '当涂路', '大众路', '芜湖路', '屯溪路', '紫云路', '玉兰大道', '科学大道',
];
