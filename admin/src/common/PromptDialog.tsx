import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';

/** One required text (a response, a closing note) and submit; closes itself when `onSubmit` succeeds. */
export const PromptDialog = ({ title, label, onSubmit, onClose, testId }: { title: string; label: string; onSubmit: (text: string) => Promise<boolean>; onClose: () => void; testId: string }) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const submit = async () => {
    if (await onSubmit(text.trim())) onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <TextField fullWidth multiline minRows={3} margin="dense" label={translate(label)} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { 'data-testid': `${testId}-text` } }} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="gw.workflow.submit" variant="contained" disabled={!text.trim()} onClick={() => void submit()} data-testid={`${testId}-submit`} />
      </DialogActions>
    </Dialog>
  );
};
