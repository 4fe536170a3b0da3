/** What the case page reads of each department's part of a dispatch (联合执法); plain text, so the data layer's specs load without React. */
export const ASSIGNMENT_FIELDS = `assignments { id lead active state version dueAt dueProvisional acceptedAt acceptedByName fedBackAt fedBackByName feedback availableActions department { id name } }`;
