import { flatten, shanghaiDayStart, type Filter, type ResourceSpec } from '../../data/spec';

const row = `id title origin status dueAt completedAt overdue description result
  grid { id name code } officer { id name } gridWorker { id name } plan { id title } parent { id title dueAt } progress { total done }`;

/** A deadline chosen as a day is the end of that day in Asia/Shanghai. */
export function endOfShanghaiDay(day: unknown): string | undefined {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return new Date(new Date(shanghaiDayStart(day, 1)).getTime() - 1000).toISOString();
}

/** Check boxes of the filter mean "only these"; unticked means no condition. */
export const onlyWhenTrue = (filter: Filter, keys: string[]): Filter =>
  Object.fromEntries(Object.entries(filter).filter(([key, value]) => !keys.includes(key) || value === true));

/** Tasks (任务): plan lines, non-planned tasks (instructions, complaints, transfers) and their subtasks. */
export const taskSpec: ResourceSpec = {
  list: 'tasks',
  one: 'task',
  listFields: () => row,
  oneFields: () => `${row} subtasks { id title status dueAt overdue grid { id name } officer { id name } gridWorker { id name } }`,
  toFilter: (filter) => onlyWhenTrue(filter, ['overdue', 'topLevel', 'assignedToMe']),
  toRecord: (node) => flatten(node, ['grid', 'officer', 'gridWorker', 'plan', 'parent']),
  // The deadline is picked as a day (under the API's name, so its field errors land on it).
  toInput: ({ dueAt, ...rest }) => ({ ...rest, dueAt: endOfShanghaiDay(dueAt) ?? dueAt }),
  create: 'createTask',
};
