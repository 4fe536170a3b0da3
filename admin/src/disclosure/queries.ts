import { gql } from '@apollo/client';

export type DisclosedField = 'NUMBER' | 'DESCRIPTION' | 'HANDLING_UNIT';
export const DISCLOSED_FIELDS: DisclosedField[] = ['NUMBER', 'HANDLING_UNIT', 'DESCRIPTION'];

export interface DisclosureSetting {
  categoryIds: string[];
  fields: DisclosedField[];
  publishedFrom: string | null;
  updatedAt: string;
}

export interface DisclosureStatus {
  disclosureSetting: DisclosureSetting;
  caseCategories: { id: string; code: string; name: string }[];
}

export const DISCLOSURE_STATUS = gql`query DisclosureStatus {
  disclosureSetting { categoryIds fields publishedFrom updatedAt }
  caseCategories { id code name }
}`;

export const SET_DISCLOSURE = gql`mutation SetDisclosureSetting($input: SetDisclosureSettingInput!) {
  setDisclosureSetting(input: $input) { categoryIds fields publishedFrom updatedAt }
}`;
