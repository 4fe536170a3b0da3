import { isRegistrationDivision } from './division-code';

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
 *   1     registration authority (登记管理部门码)
 *   2     organisation type within that authority (机构类别码)
 *   3-8   division code of the registering office (登记管理机关行政区划码, GB/T 2260)
 *   9-17  organisation code (主体标识码, GB 11714, with its own check character at 17)
 *   18    check character over 1-17, modulo 31.
 */

/** The 31 characters of the code: digits and capitals without I, O, Z, S and V. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i is 3^i mod 31 (GB 32100-2015, 5.2).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority → allowed organisation types (GB 32100-2015 table 1 and later additions). */
const AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': '19', // 外交
  '3': '123459', // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委, 其他
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业: 集体经济组织
  Y: '1', // 其他
};

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The 18th character for the first 17; throws on characters outside the alphabet. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character ${first17[i]} is not allowed in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Shape, authority/type pair, division prefix and check character. */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !SHAPE.test(code)) return false;
  if (!AUTHORITY_TYPES[code[0]]?.includes(code[1])) return false;
  if (!isRegistrationDivision(code.slice(2, 8))) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714-1997 check character of an 8-character organisation code body (0-9 or X). */
export function organizationCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError(`not an organisation code body: ${body}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Whether positions 9-17 carry a correct GB 11714 check character (true for codes issued with one). */
export function hasValidOrganizationCode(code: string): boolean {
  return isValidCreditCode(code) && organizationCodeCheckChar(code.slice(8, 16)) === code[16];
}
