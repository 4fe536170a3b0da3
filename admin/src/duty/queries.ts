import { gql } from '@apollo/client';
import { BUREAU_FIELDS } from '@gridwatch/domain/enums';

export const DUTY_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];

export interface DutyCell {
  category: { id: string; code: string; name: string };
  level: DutyLevel;
  responsible: string | null;
  coResponsible: string[];
}

const CELL = `category { id code name } level responsible coResponsible`;

export const DUTY_MATRIX = gql`query DutyMatrix { dutyMatrix { ${CELL} } dutyMatrixGaps { ${CELL} } }`;

export const SET_DUTY_CELL = gql`mutation SetDutyCell($input: SetDutyCellInput!) { setDutyCell(input: $input) { ${CELL} } }`;

export const CLEAR_DUTY_CELL = gql`mutation ClearDutyCell($categoryId: ID!, $level: GridLevel!) { clearDutyCell(categoryId: $categoryId, level: $level) { ${CELL} } }`;

/** The fields a department of that level can have (the API refuses the others): only the township office at township level. */
export const FIELDS: readonly string[] = BUREAU_FIELDS;
export const fieldsAt = (level: DutyLevel): readonly string[] => (level === 'TOWNSHIP' ? ['TOWNSHIP_OFFICE'] : FIELDS);
