import { can } from '../../auth/authProvider';
import type { Subject } from '../../auth/ability';
import { flatten, type ResourceSpec } from '../../data/spec';

/**
 * Officers and grid workers: the same Person shape with one field of their own. Phone numbers
 * are asked for only when the rules show them (otherwise the API answers FORBIDDEN).
 */
export function personSpec(plural: string, singular: string, subject: Subject, own: string): ResourceSpec {
  const row = () => `id name active ${own} ${can('read', subject, 'phone') ? 'phone' : ''} employerUnit { id name } grids { id name code }`;
  const capitalized = singular[0].toUpperCase() + singular.slice(1);
  return {
    list: plural,
    one: singular,
    listFields: row,
    toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
    toRecord: (node) => flatten(node, ['employerUnit', 'grids']),
    create: `create${capitalized}`,
    update: `update${capitalized}`,
    remove: `deactivate${capitalized}`,
  };
}
