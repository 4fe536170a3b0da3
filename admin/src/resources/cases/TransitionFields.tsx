import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TransitionField } from './transitions';
import type { TransitionValues } from './runTransition';
import { enumChoices } from '../../common/enums';

const CANCEL_REASONS = ['INVALID', 'DUPLICATE', 'OUT_OF_SCOPE'] as const;

interface Props {
  field: Exclude<TransitionField, 'departments' | 'afterPhoto' | 'feedbackPhotos'>;
  values: TransitionValues;
  set: (name: string, value: unknown) => void;
}

/** One plain input of a workflow step's form (departments and the photo have their own). */
export const TransitionInput = ({ field, values, set }: Props) => {
  const translate = useTranslate();
  const label = translate(`gw.workflow.fields.${field}`);
  const text = (name: string, multiline = true) => (
    <TextField
      name={name}
      label={label}
      required
      fullWidth
      margin="dense"
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      value={typeof values[name] === 'string' ? values[name] : ''}
      onChange={(e) => set(name, e.target.value)}
    />
  );
  const number = (name: string, min: number, max: number) => (
    <TextField
      name={name}
      label={label}
      type="number"
      required
      fullWidth
      margin="dense"
      slotProps={{ htmlInput: { min, max } }}
      value={typeof values[name] === 'number' ? values[name] : ''}
      onChange={(e) => set(name, e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
  const select = (name: string, enumName: string, required: boolean) => (
    <TextField select name={name} label={label} required={required} fullWidth margin="dense" value={typeof values[name] === 'string' ? values[name] : ''} onChange={(e) => set(name, e.target.value || undefined)}>
      {required ? null : <MenuItem value="">—</MenuItem>}
      {enumChoices(enumName).map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translate(c.name)}
        </MenuItem>
      ))}
    </TextField>
  );
  switch (field) {
    case 'reason':
    case 'result':
    case 'text':
      return text(field);
    case 'method':
      return select(field, 'AnswerMethod', true);
    case 'satisfaction':
      return select(field, 'AnswerSatisfaction', false);
    case 'extensionDays':
      return number(field, 1, 60);
    case 'score':
      return number(field, 0, 100);
    case 'reviewAt':
      return (
        <TextField
          name="reviewAt"
          label={label}
          type="date"
          required
          fullWidth
          margin="dense"
          slotProps={{ inputLabel: { shrink: true } }}
          value={typeof values.reviewAt === 'string' ? values.reviewAt : ''}
          onChange={(e) => set('reviewAt', e.target.value)}
        />
      );
    case 'cancelReason':
      return (
        <>
          <TextField select name="cancelReason" label={label} required fullWidth margin="dense" value={values.cancelReason ?? ''} onChange={(e) => set('cancelReason', e.target.value)}>
            {CANCEL_REASONS.map((r) => (
              <MenuItem key={r} value={r}>
                {translate(`gw.enum.CancelReason.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          {/* A duplicate names its master case by number (resolved to duplicateOfId on submit). */}
          {values.cancelReason === 'DUPLICATE' ? (
            <TextField
              name="duplicateOfNumber"
              label={translate('gw.workflow.fields.duplicateOfNumber')}
              required
              fullWidth
              margin="dense"
              value={typeof values.duplicateOfNumber === 'string' ? values.duplicateOfNumber : ''}
              onChange={(e) => set('duplicateOfNumber', e.target.value)}
            />
          ) : null}
        </>
      );
  }
};
