import { fieldMessage } from '../fieldMessages';
import { enMessages } from '../../i18n/en';
import { zhMessages } from '../../i18n/zh';

const packHas = (messages: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) !== undefined;

/** errors.ts (toHttpError) puts these into body.errors, which react-admin's forms show under the field. */
test('the API’s English field problems become message-pack keys, with their numbers', () => {
  expect(fieldMessage('must not be greater than 180')).toBe('@@react-admin@@{"message":"gw.errors.field.max","args":{"max":"180"}}');
  expect(fieldMessage('must be an 18-character unified social credit code with a valid check character (GB 32100) that you may register')).toBe(
    '@@react-admin@@{"message":"gw.errors.field.credit_code","args":{}}',
  );
  expect(fieldMessage('may not be blank')).toBe('@@react-admin@@{"message":"gw.errors.field.blank","args":{}}');
  expect(fieldMessage('empty population')).toBe('@@react-admin@@{"message":"gw.errors.field.empty_population","args":{}}');
  expect(fieldMessage('something the console has no words for')).toBe('gw.errors.field.invalid');
  for (const key of ['gw.errors.field.max', 'gw.errors.field.credit_code', 'gw.errors.field.invalid']) {
    expect(packHas(zhMessages, key)).toBe(true);
    expect(packHas(enMessages, key)).toBe(true);
  }
});
