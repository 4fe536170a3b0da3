/** A Beijing wall-clock time (`2026-02-13T10:00:00`) as an instant. */
export const beijing = (local: string): Date => new Date(`${local}+08:00`);

/** The instant a Beijing day ends, as an ISO string (how deadlines come back from the API). */
export const endOf = (day: string): string => beijing(`${day}T24:00:00`).toISOString();
