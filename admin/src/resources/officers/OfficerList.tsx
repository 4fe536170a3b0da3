import { TextField } from 'react-admin';
import { PersonList } from '../../common/person/PersonList';

export const OfficerList = () => <PersonList resource="officers" subject="Officer" extra={<TextField source="badgeNumber" emptyText="—" />} />;
