import { Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { useRun } from '../common/useRun';
import { CLEAR_DUTY_CELL, type DutyCell, fieldsAt, SET_DUTY_CELL } from './queries';

/** Edits one cell: the lead field, the partner fields, or empties it (the gaps check then lists it). */
export const DutyCellDialog = ({ cell, onClose }: { cell: DutyCell; onClose: (changed: boolean) => void }) => {
  const translate = useTranslate();
  const run = useRun();
  const fields = fieldsAt(cell.level);
  const [lead, setLead] = useState<string>(cell.responsible ?? fields[0]);
  const [partners, setPartners] = useState<string[]>(cell.coResponsible);
  const [busy, setBusy] = useState(false);
  const label = (f: string) => translate(`gw.enum.DepartmentField.${f}`);
  const act = async (mutate: () => Promise<unknown>, done: string) => {
    setBusy(true);
    const ok = await run(mutate, done);
    setBusy(false);
    if (ok) onClose(true);
  };
  const save = () =>
    act(
      () => apolloClient.mutate({ mutation: SET_DUTY_CELL, variables: { input: { categoryId: cell.category.id, level: cell.level, responsible: lead, coResponsible: partners.filter((p) => p !== lead) } } }),
      'gw.duty.saved',
    );
  const clear = () => act(() => apolloClient.mutate({ mutation: CLEAR_DUTY_CELL, variables: { categoryId: cell.category.id, level: cell.level } }), 'gw.duty.cleared');
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" data-testid="duty-dialog">
      <DialogTitle>
        {translate(`gw.category.${cell.category.code}`, { _: cell.category.name })} · {translate(`gw.enum.GridLevel.${cell.level}`)}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
        <TextField
          select
          label={translate('gw.duty.responsible')}
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          size="small"
          sx={{ mt: 1 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'duty-lead' } as object } }}
        >
          {fields.map((f) => (
            <MenuItem key={f} value={f}>
              {label(f)}
            </MenuItem>
          ))}
        </TextField>
        {fields.length > 1 ? (
          <>
            <Typography variant="subtitle2">{translate('gw.duty.co_responsible')}</Typography>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: '1fr 1fr 1fr' } }}>
              {fields
                .filter((f) => f !== lead)
                .map((f) => (
                  <FormControlLabel
                    key={f}
                    label={label(f)}
                    control={
                      <Checkbox
                        size="small"
                        checked={partners.includes(f)}
                        onChange={(e) => setPartners(e.target.checked ? [...partners, f] : partners.filter((p) => p !== f))}
                        slotProps={{ input: { 'data-testid': `duty-partner-${f}` } as object }}
                      />
                    }
                  />
                ))}
            </FormGroup>
          </>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button label="gw.duty.clear" color="warning" disabled={busy} onClick={() => void clear()} data-testid="duty-clear" />
        <Button label="ra.action.cancel" disabled={busy} onClick={() => onClose(false)} />
        <Button label="ra.action.save" variant="contained" disabled={busy} onClick={() => void save()} data-testid="duty-save" />
      </DialogActions>
    </Dialog>
  );
};
