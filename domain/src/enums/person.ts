/** 专职 / 兼职 grid workers. */
export enum Employment {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
}
export type EmploymentName = `${Employment}`;
