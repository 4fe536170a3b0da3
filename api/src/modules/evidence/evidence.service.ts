import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CaseDuty } from '../case/case.workflow';
import { BadInputError, NotFoundError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { assertCan, findVisible, loadChildren } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseEvidence, EvidenceStage, type StoredFile } from './evidence.entity';
import { inspect, sniffType } from './evidence-inspect';
import type { EvidenceStorage } from './evidence-storage';

/** Who attaches what: the reporter before, the handler's result, the verifier's after photo. */
const DUTY: Record<EvidenceStage, 'create' | CaseDuty> = {
  [EvidenceStage.REPORT]: 'create',
  [EvidenceStage.FEEDBACK]: 'handle',
  [EvidenceStage.VERIFY]: 'verify',
};

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

export const sha256Of = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The owner's scope and grid of a stored file. */
type FileOwner = Pick<StoredFile, 'cityId' | 'countyId' | 'townshipId' | 'gridId'>;

/**
 * Checks the type by content, reads size, hash, EXIF time and GPS, puts the bytes in the
 * storage and gives the stored-file columns, scoped like the record the file belongs to.
 */
export async function storeFile(ctx: RequestContext, storage: EvidenceStorage, file: UploadedFile, owner: FileOwner): Promise<Omit<StoredFile, 'id' | 'globalId'>> {
  const mimeType = sniffType(file.buffer);
  if (!mimeType) throw new BadInputError('Only JPEG, PNG and PDF files are accepted', [{ field: 'file', message: 'unsupported type' }]);
  const facts = await inspect(file.buffer, mimeType);
  await storage.put(facts.sha256, file.buffer);
  return {
    cityId: owner.cityId,
    countyId: owner.countyId ?? null,
    townshipId: owner.townshipId ?? null,
    gridId: owner.gridId,
    fileName: file.originalname.slice(0, 200) || 'upload',
    size: file.buffer.length,
    uploadedById: ctx.principal?.accountId ?? null,
    at: ctx.clock.now(),
    ...facts,
  };
}

export const evidenceService = {
  /**
   * Adds a file to a step of the case. The same bytes sent again for the same step (a phone
   * retrying after a lost answer) find the file already there: `created` is false.
   */
  async attach(ctx: RequestContext, storage: EvidenceStorage, caseId: string, stage: EvidenceStage, file: UploadedFile): Promise<{ evidence: CaseEvidence; created: boolean }> {
    const kase = await findVisible(ctx, Case, caseId);
    assertCan(ctx, DUTY[stage], kase);
    const same = await ctx.em.findOne(CaseEvidence, { caseId: kase.id, stage, sha256: sha256Of(file.buffer) });
    if (same) return { evidence: same, created: false };
    const evidence = Object.assign(new CaseEvidence(), await storeFile(ctx, storage, file, kase), { caseId: kase.id, stage });
    await ctx.em.persistAndFlush(evidence);
    return { evidence, created: true };
  },

  /** The bytes, for callers who may read the case (anyone else gets NOT_FOUND, as for a missing file). */
  async open(ctx: RequestContext, storage: EvidenceStorage, id: number): Promise<{ evidence: CaseEvidence; stream: Readable }> {
    const evidence = await ctx.em.findOne(CaseEvidence, { id });
    if (!evidence) throw new NotFoundError('CaseEvidence', String(id));
    await findVisible(ctx, Case, toGlobalId('Case', evidence.caseId));
    return { evidence, stream: storage.open(evidence.sha256) };
  },

  list: (ctx: RequestContext, kase: Case): Promise<CaseEvidence[]> => loadChildren(ctx, CaseEvidence, 'caseId', kase.id),
};
