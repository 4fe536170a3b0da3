import type { Readable } from 'node:stream';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors';
import { assertCan, assertPermittedFields, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { sniffType } from '../evidence/evidence-inspect';
import type { EvidenceStorage } from '../evidence/evidence-storage';
import { sha256Of, type UploadedFile } from '../evidence/evidence.service';
import { PatrolCheckIn } from './patrol-check-in.entity';

/**
 * The optional photo of a patrol check-in, in the evidence storage (content-addressed). A
 * check-in is a record of what was seen: its author adds the photo once, nobody replaces it.
 */
export const patrolPhotoService = {
  /** The same photo sent again (a retry after a lost answer) is answered with the check-in as it is: `created` false. */
  async attach(ctx: RequestContext, storage: EvidenceStorage, checkInId: string, file: UploadedFile): Promise<{ checkIn: PatrolCheckIn; created: boolean }> {
    const checkIn = await findVisible(ctx, PatrolCheckIn, checkInId);
    assertCan(ctx, 'update', checkIn);
    assertPermittedFields(ctx, 'update', checkIn, { photo: true });
    const sha256 = sha256Of(file.buffer);
    if (checkIn.photoSha256 === sha256) return { checkIn, created: false };
    if (checkIn.photoSha256) throw new ConflictError('The check-in already has its photo');
    const mimeType = sniffType(file.buffer);
    if (!mimeType?.startsWith('image/')) throw new BadInputError('Only JPEG and PNG photos are accepted', [{ field: 'file', message: 'unsupported type' }]);
    await storage.put(sha256, file.buffer);
    Object.assign(checkIn, { photoSha256: sha256, photoMimeType: mimeType });
    await ctx.em.flush();
    return { checkIn, created: true };
  },

  /** The bytes, for whoever may read the check-in; anyone else gets NOT_FOUND. */
  async open(ctx: RequestContext, storage: EvidenceStorage, id: number): Promise<{ mimeType: string; stream: Readable }> {
    const checkIn = await ctx.em.findOne(PatrolCheckIn, { id });
    if (!checkIn?.photoSha256 || !checkIn.photoMimeType) throw new NotFoundError('PatrolCheckIn', String(id));
    return { mimeType: checkIn.photoMimeType, stream: storage.open(checkIn.photoSha256) };
  },
};
