import { EnumField } from '../../common/fields';
import { PersonList } from '../../common/person/PersonList';

export const GridWorkerList = () => <PersonList resource="gridWorkers" subject="GridWorker" extra={<EnumField source="employment" enumName="Employment" />} />;
