import { EnumField } from '../../common/fields';
import { PersonShow } from '../../common/person/PersonShow';

export const GridWorkerShow = () => <PersonShow subject="GridWorker" extra={<EnumField source="employment" enumName="Employment" />} />;
