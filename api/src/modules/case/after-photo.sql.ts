/**
 * The closing rule's hand-written SQL (case/ owns it: evidence/ sits above case/): whether a case
 * has an image of the verification stage taken after its last feedback. The case is one the caller already read through the
 * scoped ORM; the statement names it by id and runs in the request's transaction, where
 * row-level security bounds the evidence and the events to the case's territory.
 */
import type { RequestContext } from '../../context/request-context';

/** 核实: whether the case has an image uploaded at verification since its last FEEDBACK event (any, without one). */
export async function verifyImageSinceFeedback(ctx: RequestContext, caseId: number): Promise<boolean> {
  const rows = await ctx.em.execute<{ ok: boolean }[]>(
    `select exists (
       select 1 from case_evidence v where v.case_id = ? and v.stage = 'VERIFY' and v.mime_type like 'image/%'
         and v.at >= coalesce((select max(e.at) from case_event e where e.case_id = ? and e.action = 'FEEDBACK'), '-infinity')
     ) as ok`,
    [caseId, caseId],
  );
  return rows[0]?.ok === true;
}

