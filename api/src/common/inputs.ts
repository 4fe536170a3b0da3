import { IsOptional, Matches } from 'class-validator';

/** Mainland mobile (11 digits from 1) or landline with area code (0551-62345678). */
export const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export const IsPhone = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  Matches(PHONE, { message: 'must be a mobile number (11 digits) or a landline with area code' })(target, key);
};
