import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { shanghaiDayStart } from '../../data/spec';
import { DispatchFields } from './DispatchFields';
import { caseIdByNumber, runTransition, uploadEvidence, type TransitionValues } from './runTransition';
import { TransitionInput } from './TransitionFields';
import { OPTIONAL_FIELDS, type CaseTransition } from './transitions';
import { PhotoInput, type TakenPhoto } from '../../field/PhotoInput';
import { usePhone } from '../../field/roles';
import { forgetFieldData } from '../../field/snapshot';

interface Props {
  transition: CaseTransition;
  kase: { id: string; version: number; handlingUnit?: { id: string } | null };
  onClose: () => void;
}

function missing(transition: CaseTransition, values: TransitionValues, photos: TakenPhoto[]): boolean {
  if (values.cancelReason === 'DUPLICATE' && !(typeof values.duplicateOfNumber === 'string' && values.duplicateOfNumber.trim())) return true;
  return transition.fields.some((f) =>
    f === 'departments' ? !Array.isArray(values.departmentIds) || !values.departmentIds.length : f === 'afterPhoto' ? !photos.length : OPTIONAL_FIELDS.includes(f) ? false : values[f] === undefined || (typeof values[f] === 'string' && !values[f].trim()),
  );
}

/** The form of one workflow step; sends the case's version and refreshes the case (and timeline). */
export const TransitionDialog = ({ transition, kase, onClose }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [values, setValues] = useState<TransitionValues>({});
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const [resizing, setResizing] = useState(false);
  const phone = usePhone();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const label = translate(`gw.enum.CaseAction.${transition.action}`);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const stage = transition.fields.includes('afterPhoto') ? 'VERIFY' : 'FEEDBACK';
      for (const p of photos) await uploadEvidence(kase.id, stage, p.blob, p.name);
      const input = { ...values };
      if (typeof input.reviewAt === 'string') input.reviewAt = shanghaiDayStart(input.reviewAt);
      if (typeof input.note === 'string' && !input.note.trim()) delete input.note;
      if (input.cancelReason === 'DUPLICATE' && typeof input.duplicateOfNumber === 'string') input.duplicateOfId = await caseIdByNumber(input.duplicateOfNumber);
      delete input.duplicateOfNumber;
      await runTransition(transition, kase.id, kase.version, input);
      forgetFieldData();
      notify('gw.workflow.done', { type: 'success', messageArgs: { action: label } });
      onClose();
      refresh();
    } catch (e) {
      const message = e instanceof HttpError ? e.message : 'gw.errors.INTERNAL_SERVER_ERROR';
      // The case moved under the user: say so in workflow terms and reload it behind the dialog.
      const stale = message === 'gw.errors.CONFLICT' || message === 'gw.errors.ILLEGAL_TRANSITION';
      setError(message === 'gw.errors.CONFLICT' ? 'gw.workflow.conflict' : message);
      setBusy(false);
      if (stale) refresh();
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth fullScreen={phone} maxWidth="sm" data-testid={`transition-dialog-${transition.action}`}>
      <DialogTitle>{label}</DialogTitle>
      <DialogContent>
        {transition.fields.map((f) =>
          f === 'departments' ? (
            <DispatchFields
              key={f}
              caseId={kase.id}
              unitId={kase.handlingUnit?.id}
              departmentIds={Array.isArray(values.departmentIds) ? (values.departmentIds as string[]) : []}
              leadDepartmentId={typeof values.leadDepartmentId === 'string' ? values.leadDepartmentId : ''}
              complexity={typeof values.complexity === 'string' ? values.complexity : 'NORMAL'}
              onChange={(ids, lead) => setValues((v) => ({ ...v, departmentIds: ids, leadDepartmentId: lead || undefined }))}
              onComplexity={(complexity) => set('complexity', complexity)}
            />
          ) : f === 'afterPhoto' || f === 'feedbackPhotos' ? (
            <PhotoInput onBusy={setResizing} key={f} name={f} label={translate(`gw.workflow.fields.${f}`)} photos={photos} onChange={setPhotos} max={f === 'afterPhoto' ? 1 : 3} />
          ) : (
            <TransitionInput key={f} field={f} values={values} set={set} />
          ),
        )}
        {transition.note === false ? null : (
          <TextField name="note" label={translate('gw.workflow.fields.note')} fullWidth margin="dense" value={typeof values.note === 'string' ? values.note : ''} onChange={(e) => set('note', e.target.value)} />
        )}
        {error ? (
          <Alert severity="error" data-testid="transition-error" sx={{ mt: 1 }}>
            {translate(error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || resizing || missing(transition, values, photos)} onClick={() => void submit()} data-testid="transition-submit">
          {translate('gw.workflow.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
