import { registerDecorator } from 'class-validator';
import { Extensions } from 'type-graphql';

/** The extension that marks an input field as a name (server/input-normalisation.ts trims it). */
export const NAME_TEXT = 'gwNameText';

/**
 * A name or title a person types: leading and trailing white space (the ideographic space
 * too) is trimmed before the resolver sees it, and a blank one is refused with the field's
 * other validation problems (BAD_USER_INPUT naming each field). Length limits stay with the
 * field's own validators, which then see the trimmed text.
 */
export function NameText(): PropertyDecorator {
  const mark = Extensions({ [NAME_TEXT]: true });
  return (target, propertyName) => {
    mark(target, propertyName);
    registerDecorator({
      name: 'notBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'may not be blank' },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && value.trim() !== '') },
    });
  };
}
