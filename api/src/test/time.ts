/** A Beijing wall-clock time (`2026-02-13T10:00:00`) as an instant. */
export const beijing = (local: string): Date => new Date(`${local}+08:00`);

/** The instant a Beijing day ends, as an ISO string (how deadlines come back from the API). */
export const endOf = (day: string): string => beijing(`${day}T24:00:00`).toISOString();

/**
 * Where business time starts in a test that brings no clock of its own: 09:00 Beijing on the
 * seed's pinned anchor day (REFERENCE_ANCHOR), running on from there. Tests see the seeded data
 * as it was laid out, whatever date they run on.
 */
export const TEST_CLOCK_START = beijing('2026-11-28T09:00:00');
