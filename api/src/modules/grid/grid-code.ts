/** The 12-digit street code of an urban management grid's code column, in SQL (the street is digits 7-9 of the division; @gridwatch/domain's urbanDivisionOf). */
export const streetCodeSql = (column: string): string => `(left(case when length(${column}) = 20 then substr(${column}, 7) else ${column} end, 9) || '000')`;
