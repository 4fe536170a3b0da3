import { gql } from '@apollo/client';
import { Box, Checkbox, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';

interface Dept {
  id: string;
  name: string;
}

const DEPARTMENTS = gql`
  query DispatchChoices($caseId: ID!, $unitId: ID) {
    dispatchSuggestions(caseId: $caseId) { id name }
    departments(first: 100, filter: { unitId: $unitId, active: true }) { nodes { id name } }
  }
`;

interface Choices {
  dispatchSuggestions: Dept[];
  departments: { nodes: Dept[] };
}

interface Props {
  caseId: string;
  unitId?: string;
  departmentIds: string[];
  leadDepartmentId: string;
  onChange: (departmentIds: string[], leadDepartmentId: string) => void;
}

/** Departments of the handling unit, the routing suggestions ticked first; one of them leads. */
export const DispatchFields = ({ caseId, unitId, departmentIds, leadDepartmentId, onChange }: Props) => {
  const translate = useTranslate();
  const [data, setData] = useState<Choices | null>(null);
  useEffect(() => {
    let live = true;
    void apolloClient.query<Choices>({ query: DEPARTMENTS, variables: { caseId, unitId } }).then(({ data: choices }) => {
      if (!live) return;
      setData(choices);
      // The routing suggestions are preselected, the first one leading.
      const ids = choices.dispatchSuggestions.map((d) => d.id);
      if (ids.length) onChange(ids, ids[0]);
    });
    return () => {
      live = false;
    };
    // Loaded once per opened dialog.
  }, [caseId, unitId]);
  const suggested = data?.dispatchSuggestions ?? [];
  const all = [...suggested, ...(data?.departments.nodes ?? []).filter((d) => !suggested.some((s) => s.id === d.id))];

  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...departmentIds, id] : departmentIds.filter((x) => x !== id);
    onChange(ids, ids.includes(leadDepartmentId) ? leadDepartmentId : (ids[0] ?? ''));
  };

  if (!data) return <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>;
  return (
    <Box data-testid="dispatch-departments">
      <Typography variant="subtitle2">{translate('gw.workflow.departments')}</Typography>
      {all.map((d) => (
        <FormControlLabel
          key={d.id}
          sx={{ display: 'flex' }}
          control={<Checkbox checked={departmentIds.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />}
          label={suggested.some((s) => s.id === d.id) ? `${d.name} (${translate('gw.workflow.suggested')})` : d.name}
        />
      ))}
      <TextField
        select
        fullWidth
        margin="dense"
        label={translate('gw.workflow.lead')}
        value={leadDepartmentId}
        onChange={(e) => onChange(departmentIds, e.target.value)}
        disabled={departmentIds.length < 2}
      >
        {all.filter((d) => departmentIds.includes(d.id)).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            {d.name}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
};
