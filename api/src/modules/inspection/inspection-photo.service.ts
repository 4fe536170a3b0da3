import type { Readable } from 'node:stream';
import { NotFoundError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { assertCan, findVisible, loadChildren } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { storeFile, type UploadedFile } from '../evidence/evidence.service';
import type { EvidenceStorage } from '../evidence/evidence-storage';
import { InspectionPhoto } from './inspection-photo.entity';
import { Inspection } from './inspection.entity';

export const inspectionPhotoService = {
  /** Whoever may record this inspection (its officer's territory, a city inspector) adds its photos. */
  async attach(ctx: RequestContext, storage: EvidenceStorage, inspectionId: string, file: UploadedFile): Promise<InspectionPhoto> {
    const inspection = await findVisible(ctx, Inspection, inspectionId);
    assertCan(ctx, 'create', inspection);
    const photo = Object.assign(new InspectionPhoto(), await storeFile(ctx, storage, file, inspection), { inspectionId: inspection.id });
    await ctx.em.persistAndFlush(photo);
    return photo;
  },

  /** The bytes, for callers who may read the inspection (anyone else: NOT_FOUND). */
  async open(ctx: RequestContext, storage: EvidenceStorage, id: number): Promise<{ photo: InspectionPhoto; stream: Readable }> {
    const photo = await ctx.em.findOne(InspectionPhoto, { id });
    if (!photo) throw new NotFoundError('InspectionPhoto', String(id));
    await findVisible(ctx, Inspection, toGlobalId('Inspection', photo.inspectionId));
    return { photo, stream: storage.open(photo.sha256) };
  },

  list: (ctx: RequestContext, inspection: Inspection): Promise<InspectionPhoto[]> => loadChildren(ctx, InspectionPhoto, 'inspectionId', inspection.id),
};
