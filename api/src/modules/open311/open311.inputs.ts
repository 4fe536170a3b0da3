import { BadInputError } from '../../common/errors';
import { textProblem } from '../../common/text-rules';
import { CaseStatus } from '../case/case.enums';
import { CLOSED_STATUSES } from './open311.types';

/** A form field or query parameter as Express hands it over: only a single string counts. */
type Raw = Record<string, unknown>;

function text(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadInputError(`${name} must be given once, as text`, [{ field: name, message: 'not a single value' }]);
  const problem = textProblem(value);
  if (problem) throw new BadInputError(problem, [{ field: name, message: problem }]);
  return value.trim() || undefined;
}

function required(raw: Raw, name: string): string {
  const value = text(raw, name);
  if (value === undefined) throw new BadInputError(`${name} is required`, [{ field: name, message: 'missing' }]);
  return value;
}

function coordinate(raw: Raw, name: string, limit: number): number | undefined {
  const value = text(raw, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || Math.abs(number) > limit) {
    throw new BadInputError(`${name} must be a WGS84 coordinate`, [{ field: name, message: `a number between -${limit} and ${limit}` }]);
  }
  return number;
}

/** A list parameter: comma-delimited, as GeoReport v2 allows for service_request_id, service_code and status. */
function list(raw: Raw, name: string, max: number): string[] | undefined {
  const value = text(raw, name);
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
  if (items.length > max) throw new BadInputError(`At most ${max} values in ${name}`, [{ field: name, message: 'too many values' }]);
  return items;
}

/** w3c datetime with a zone (`2026-11-28T09:00:00+08:00`, `...Z`), as the spec requires. */
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

function datetime(raw: Raw, name: string): Date | undefined {
  const value = text(raw, name);
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!W3C.test(value) || Number.isNaN(at.getTime())) {
    throw new BadInputError(`${name} must be a w3c datetime with a zone`, [{ field: name, message: 'e.g. 2026-11-28T09:00:00+08:00' }]);
  }
  return at;
}

export interface PostRequestInput {
  jurisdictionId?: string;
  serviceCode: string;
  lat?: number;
  long?: number;
  addressString?: string;
  /** attribute[grid]: the grid's code (the service definition's one attribute). */
  gridCode?: string;
  description: string;
  mediaUrl?: string;
  complainantName?: string;
  complainantPhone?: string;
  /** Idempotency-Key header: a resubmission after a timeout answers the first request. */
  idempotencyKey?: string;
}

/** A person's name in the order its script writes it: 张三 (family name first, no space), Ann Lee. */
function fullName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  if (/[\u3400-\u9fff]/.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

/** POST requests: the form fields of GeoReport v2 (email, device_id and account_id are accepted and not kept). */
export function postRequestInput(body: Raw, idempotencyKey: string | undefined): PostRequestInput {
  const lat = coordinate(body, 'lat', 90);
  const long = coordinate(body, 'long', 180);
  if ((lat === undefined) !== (long === undefined)) {
    throw new BadInputError('lat and long go together', [{ field: lat === undefined ? 'lat' : 'long', message: 'missing' }]);
  }
  const addressString = text(body, 'address_string');
  const gridCode = text(body, 'attribute[grid]') ?? (typeof body.attribute === 'object' && body.attribute ? text(body.attribute as Raw, 'grid') : undefined);
  if (lat === undefined && addressString === undefined && gridCode === undefined) {
    throw new BadInputError('A location is required: lat and long, address_string or attribute[grid]', [{ field: 'lat', message: 'missing' }]);
  }
  return {
    jurisdictionId: text(body, 'jurisdiction_id'),
    serviceCode: required(body, 'service_code'),
    lat,
    long,
    addressString,
    gridCode,
    description: required(body, 'description'),
    mediaUrl: text(body, 'media_url'),
    complainantName: fullName(text(body, 'first_name'), text(body, 'last_name')),
    complainantPhone: text(body, 'phone'),
    idempotencyKey,
  };
}

export interface RequestsQuery {
  jurisdictionId?: string;
  numbers?: string[];
  serviceCodes?: string[];
  statuses?: CaseStatus[];
  start: Date;
  end: Date;
}

const DAY = 24 * 60 * 60 * 1000;
/** Without a window the last 90 days are listed; a window is at most 90 days wide. */
export const WINDOW_DAYS = 90;
/** The most requests one answer lists. */
export const REQUESTS_LIMIT = 1000;

/** GET requests: the query parameters of GeoReport v2, the window settled against `now`. */
export function requestsQuery(query: Raw, now: Date): RequestsQuery {
  const start = datetime(query, 'start_date');
  const end = datetime(query, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY);
  if (from > to) throw new BadInputError('start_date is after end_date', [{ field: 'start_date', message: 'after end_date' }]);
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY) {
    throw new BadInputError(`The window is at most ${WINDOW_DAYS} days`, [{ field: 'end_date', message: `more than ${WINDOW_DAYS} days after start_date` }]);
  }
  const statuses = list(query, 'status', 2);
  if (statuses?.some((status) => status !== 'open' && status !== 'closed')) {
    throw new BadInputError('status is open or closed', [{ field: 'status', message: 'open, closed or both' }]);
  }
  const wanted = new Set(statuses ?? ['open', 'closed']);
  return {
    jurisdictionId: text(query, 'jurisdiction_id'),
    numbers: list(query, 'service_request_id', REQUESTS_LIMIT),
    serviceCodes: list(query, 'service_code', 100),
    statuses: wanted.size === 2 ? undefined : Object.values(CaseStatus).filter((status) => CLOSED_STATUSES.includes(status) === wanted.has('closed')),
    start: from,
    end: to,
  };
}

/** A jurisdiction given in a query string or form (GET services, GET a request). */
export const jurisdictionOf = (raw: Raw): string | undefined => text(raw, 'jurisdiction_id');
