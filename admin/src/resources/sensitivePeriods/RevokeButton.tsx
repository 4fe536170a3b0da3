import { gql } from '@apollo/client';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { useRun } from '../../common/useRun';

const REVOKE = gql`
  mutation Revoke($id: ID!, $version: Int!, $input: SensitivePeriodInput!) {
    updateSensitivePeriod(id: $id, version: $version, active: false, input: $input) { id active version }
  }
`;

interface Period {
  id: string;
  version: number;
  active: boolean;
  name: string;
  startsOn: string;
  endsOn: string;
  gridIds: string[];
  industries: string[];
  levels: string[];
  inspectionFactor: number;
  patrolFactor: number;
}

/** 撤销: the period stays on record, inactive (the API takes the whole input and the version read). */
export const RevokeButton = () => {
  const period = useRecordContext<Period>();
  const run = useRun();
  const [open, setOpen] = useState(false);
  if (!period?.active || !can('update', 'SensitivePeriod')) return null;
  const { id, version, name, startsOn, endsOn, gridIds, industries, levels, inspectionFactor, patrolFactor } = period;
  const revoke = async () => {
    setOpen(false);
    const input = { name, startsOn, endsOn, gridIds, industries, levels, inspectionFactor, patrolFactor };
    await run(() => apolloClient.mutate({ mutation: REVOKE, variables: { id, version, input } }), 'gw.period.revoked');
  };
  return (
    <>
      <Button label="gw.period.revoke" color="error" onClick={(e) => { e.stopPropagation(); setOpen(true); }} data-testid="period-revoke" />
      <Confirm isOpen={open} title="gw.period.revoke" content="gw.period.revoke_confirm" translateOptions={{ name }} onConfirm={() => void revoke()} onClose={() => setOpen(false)} />
    </>
  );
};
