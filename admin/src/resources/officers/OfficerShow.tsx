import { TextField } from 'react-admin';
import { PersonShow } from '../../common/person/PersonShow';

export const OfficerShow = () => <PersonShow subject="Officer" extra={<TextField source="badgeNumber" emptyText="—" />} />;
