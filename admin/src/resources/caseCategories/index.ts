import type { ResourceProps } from 'react-admin';

/** No screens of its own yet (the city's category editor comes with the workflow issue): choices only. */
export const caseCategories: ResourceProps = { name: 'caseCategories', recordRepresentation: 'name' };
