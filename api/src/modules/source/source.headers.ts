/** The column headers of the source archive file: the export writes them and the import reads them back (Chinese, English or key). */
export const SOURCE_HEADERS = {
  name: { zh: '名称', en: 'Name' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  sourceCode: { zh: '污染源编码', en: 'Source code' },
  type: { zh: '类型', en: 'Type' },
  industry: { zh: '行业', en: 'Industry' },
  supervisionLevel: { zh: '监管等级', en: 'Supervision level' },
  status: { zh: '状态', en: 'Status' },
  gridCode: { zh: '网格编码', en: 'Grid code' },
  address: { zh: '地址', en: 'Address' },
  lng: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  // 排放口 as the import reads them back: "DA001 锅炉废气; DW001 生产废水".
  outlets: { zh: '排放口', en: 'Outlets' },
  // The export's idColumn() (export/export-columns.ts) writes the same header.
  id: { zh: '系统标识', en: 'System ID' },
} as const;
