/** An assessment table row as the tests select it, and lookups by code. */
export interface Row {
  subjectId: string;
  subjectName: string;
  rank: number | null;
  values: { code: string; value: number | null }[];
  measures: { code: string; value: number }[];
}

export const value = (row: Row, code: string): number | null => row.values.find((v) => v.code === code)?.value ?? null;
export const measure = (row: Row, code: string): number => row.measures.find((m) => m.code === code)?.value ?? 0;
