import { personSpec } from '../../common/person/personSpec';

export const officerSpec = personSpec('officers', 'officer', 'Officer', 'badgeNumber');
