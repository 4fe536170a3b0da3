import { AssessmentInput } from '../../assessment/assessment.inputs';
import { assessmentService } from '../../assessment/assessment.service';
import type { AssessmentRow } from '../../assessment/assessment.types';
import { IndicatorUnit, UnrankedReason } from '../../assessment/assessment.enums';
import type { EnumLabels } from '../enum-labels';
import { defineTableExport, type ExportColumn } from '../export-list';

const UNIT_SUFFIX: Record<'zh' | 'en', Record<IndicatorUnit, string>> = {
  zh: { PERCENT: ' (%)', POINTS: ' (分)', COUNT: '' },
  en: { PERCENT: ' (%)', POINTS: ' (points)', COUNT: '' },
};

const UNRANKED: EnumLabels<UnrankedReason> = {
  zh: { NO_VALUE: '无值', SAMPLE_TOO_SMALL: '样本量不足' },
  en: { NO_VALUE: 'No value', SAMPLE_TOO_SMALL: 'Sample too small' },
};

/**
 * 考核表: the `assessment` query's rows for a unit, period and subject type (the filter is its
 * AssessmentInput), one column per applicable indicator. Not keyset-streamed: the figures are
 * computed together (ranks need every subject), so a file is bounded by the unit's subjects,
 * like the query's answer.
 */
export const assessmentExport = defineTableExport<AssessmentRow, AssessmentInput>({
  name: 'assessment',
  zh: '考核表',
  en: 'Assessment',
  subject: 'AssessmentRow',
  filter: { type: AssessmentInput, name: 'AssessmentInput' },
  columns: [
    { key: 'rank', zh: '排名', en: 'Rank', type: 'number', value: (r) => r.rank },
    { key: 'notRanked', zh: '不排名原因', en: 'Not ranked', type: UNRANKED, value: (r) => r.unrankedReason },
    { key: 'subject', zh: '考核对象', en: 'Subject', value: (r) => r.subjectName },
    { key: 'subjectId', zh: '考核对象编号', en: 'Subject ID', value: (r) => r.subjectId },
  ],
  async table(ctx, input) {
    const table = await assessmentService.table(ctx, input);
    const columns = table.indicators.map(
      (indicator, index): ExportColumn<AssessmentRow> => ({
        key: indicator.code,
        zh: `${indicator.name}${UNIT_SUFFIX.zh[indicator.unit]}`,
        en: `${indicator.code}${UNIT_SUFFIX.en[indicator.unit]}`,
        type: 'number',
        // toRow lists the values in the indicators' order.
        value: (row) => row.values[index]?.value ?? null,
      }),
    );
    return { rows: table.rows, columns };
  },
});
