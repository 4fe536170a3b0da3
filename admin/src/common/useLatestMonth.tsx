import { gql } from '@apollo/client';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { shanghaiMonth } from './clock';
import { useApi } from './useApi';

const QUERIES = {
  latestCaseMonth: gql`query LatestCaseMonth { latestCaseMonth }`,
  latestPatrolPlanMonth: gql`query LatestPatrolPlanMonth { latestPatrolPlanMonth }`,
};

/**
 * The month a month screen opens on: this month when it has data, else the latest month that
 * has (the API answers within the caller's territory). `undefined` while asking.
 */
export function useLatestMonth(kind: keyof typeof QUERIES): string | undefined {
  const { data, error } = useApi<Record<string, string | null>>(QUERIES[kind], {});
  if (error) return shanghaiMonth();
  if (!data) return undefined;
  return data[kind] ?? shanghaiMonth();
}

/** Says so when a screen opened on an earlier month because this one has no data yet. */
export const EarlierMonthNote = ({ month, shown }: { month: string | undefined; shown: string }) => {
  const translate = useTranslate();
  if (!month || month === shanghaiMonth() || shown !== month) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="earlier-month-note">
      {translate('gw.month.earlier', { month, current: shanghaiMonth() })}
    </Typography>
  );
};
