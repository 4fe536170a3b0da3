import { gql } from '@apollo/client';
import { Alert, Autocomplete, Box, Checkbox, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';

interface Dept {
  id: string;
  name: string;
  staffed: boolean;
}

const CHOICES = gql`
  query DispatchChoices($caseId: ID!, $unitId: ID) {
    case(id: $caseId) { id category { id name } }
    dispatchSuggestion(caseId: $caseId) { lead { id name staffed } partners { id name staffed } }
    departments(first: 100, filter: { unitId: $unitId, active: true }) { nodes { id name staffed } }
  }
`;

interface Choices {
  case: { category: { name: string } | null } | null;
  dispatchSuggestion: { lead: Dept | null; partners: Dept[] };
  departments: { nodes: Dept[] };
}

export const COMPLEXITIES = ['NORMAL', 'COMPLEX', 'SPECIAL'] as const;

interface Props {
  caseId: string;
  unitId?: string;
  departmentIds: string[];
  leadDepartmentId: string;
  complexity: string;
  onChange: (departmentIds: string[], leadDepartmentId: string) => void;
  onComplexity: (complexity: string) => void;
}

/**
 * The departments of the handling unit: the duty matrix's lead ticked, its partners offered and
 * explained, any other found by name; one of the chosen leads. A lead nobody can sign in for
 * is warned about (the case would wait for no one), and the 案情 sets the handling limit.
 */
export const DispatchFields = ({ caseId, unitId, departmentIds, leadDepartmentId, complexity, onChange, onComplexity }: Props) => {
  const translate = useTranslate();
  const [data, setData] = useState<Choices | null>(null);
  const [extra, setExtra] = useState<Dept[]>([]);
  useEffect(() => {
    let live = true;
    void apolloClient.query<Choices>({ query: CHOICES, variables: { caseId, unitId } }).then(({ data: choices }) => {
      if (!live) return;
      setData(choices);
      // Only the lead is preselected: partners are a choice the dispatcher makes knowingly.
      const lead = choices.dispatchSuggestion.lead;
      if (lead) onChange([lead.id], lead.id);
    });
    return () => {
      live = false;
    };
    // Loaded once per opened dialog.
  }, [caseId, unitId]);
  if (!data) return <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>;

  const { lead, partners } = data.dispatchSuggestion;
  const listed = [...(lead ? [lead] : []), ...partners.filter((p) => p.id !== lead?.id), ...extra];
  const others = data.departments.nodes.filter((d) => !listed.some((l) => l.id === d.id));
  const byId = new Map([...listed, ...data.departments.nodes].map((d) => [d.id, d]));
  const chosenLead = byId.get(leadDepartmentId);

  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...departmentIds, id] : departmentIds.filter((x) => x !== id);
    onChange(ids, ids.includes(leadDepartmentId) ? leadDepartmentId : (ids[0] ?? ''));
  };
  const role = (d: Dept) => (d.id === lead?.id ? translate('gw.workflow.matrix_lead') : partners.some((p) => p.id === d.id) ? translate('gw.workflow.matrix_partner') : null);
  const labelOf = (d: Dept) => [d.name, role(d) ? `(${role(d)})` : null, d.staffed ? null : `· ${translate('gw.workflow.unstaffed')}`].filter(Boolean).join(' ');

  return (
    <Box data-testid="dispatch-departments">
      <Typography variant="subtitle2">{translate('gw.workflow.departments')}</Typography>
      <Typography variant="body2" color="text.secondary" data-testid="dispatch-suggestion">
        {lead
          ? translate('gw.workflow.suggestion', { category: data.case?.category?.name ?? '', lead: lead.name }) +
            (partners.length ? translate('gw.workflow.suggestion_partners', { partners: partners.map((p) => p.name).join('、') }) : '')
          : translate('gw.workflow.no_suggestion')}
      </Typography>
      {listed.map((d) => (
        <FormControlLabel
          key={d.id}
          sx={{ display: 'flex' }}
          control={<Checkbox checked={departmentIds.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />}
          label={labelOf(d)}
        />
      ))}
      <Autocomplete
        options={others}
        getOptionLabel={labelOf}
        value={null}
        blurOnSelect
        onChange={(_, picked) => {
          if (!picked) return;
          setExtra((e) => [...e, picked]);
          toggle(picked.id, true);
        }}
        renderInput={(params) => <TextField {...params} margin="dense" label={translate('gw.workflow.more_departments')} />}
        data-testid="dispatch-search"
      />
      <TextField select fullWidth margin="dense" label={translate('gw.workflow.lead')} value={leadDepartmentId} onChange={(e) => onChange(departmentIds, e.target.value)} disabled={departmentIds.length < 2}>
        {listed.filter((d) => departmentIds.includes(d.id)).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            {d.name}
          </MenuItem>
        ))}
      </TextField>
      {chosenLead && !chosenLead.staffed ? (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="dispatch-unstaffed">
          {translate('gw.workflow.unstaffed_lead', { name: chosenLead.name })}
        </Alert>
      ) : null}
      <TextField select fullWidth margin="dense" name="complexity" label={translate('gw.workflow.complexity')} value={complexity} onChange={(e) => onComplexity(e.target.value)}>
        {COMPLEXITIES.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`gw.enum.CaseComplexity.${c}`)}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
};
