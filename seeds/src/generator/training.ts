import type { GridNode } from './grid-tree';
import type { GridWorkerRecord, OfficerRecord } from './people';
import { SCOPE_COLUMNS, type TableData, scopeCells, timestamp, versionedCells } from './table';
import type { SeedTimeline } from './timeline';

/**
 * Training records (分级分类轮训) of the demo (hefei profile): four courses at the three levels
 * that organise them, five sessions in the weeks before the anchor day, and who attended,
 * chosen by id (no random stream: adding them moves no other table's rows). Nothing is
 * scheduled on or after the anchor.
 */
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

interface CourseSpec {
  unitCode: string;
  title: string;
  topic: string;
  audience: string;
}

// Hefei's city, 肥东县, 瑶海区 and 长临河镇 (the demo accounts' units).
const COURSES: CourseSpec[] = [
  { unitCode: '340100000000', title: '环境执法规范化培训', topic: 'ENFORCEMENT', audience: 'OFFICERS' },
  { unitCode: '340122000000', title: '网格员巡查与上报实务', topic: 'GRID_PATROL', audience: 'GRID_WORKERS' },
  { unitCode: '340102000000', title: '城区扬尘与油烟管控', topic: 'POLLUTION_SOURCES', audience: 'ALL' },
  { unitCode: '340122104000', title: '问题上报与现场核实', topic: 'CASE_HANDLING', audience: 'GRID_WORKERS' },
];

interface SessionSpec {
  course: number;
  daysBefore: number;
  place: string;
  hours: number;
}

const SESSIONS: SessionSpec[] = [
  { course: 1, daysBefore: 45, place: '合肥市生态环境局培训中心', hours: 6 },
  { course: 1, daysBefore: 12, place: '合肥市生态环境局培训中心', hours: 6 },
  { course: 2, daysBefore: 20, place: '肥东县环保局三楼会议室', hours: 4 },
  { course: 3, daysBefore: 8, place: '瑶海区政务服务中心', hours: 3 },
  { course: 4, daysBefore: 3, place: '长临河镇人民政府会议室', hours: 2 },
];

export interface TrainingData {
  courses: { id: number; unit: GridNode; spec: CourseSpec; createdMs: number }[];
  sessions: { id: number; course: number; unit: GridNode; day: string; spec: SessionSpec }[];
  attendance: { id: number; session: number; unit: GridNode; officer: OfficerRecord | null; worker: GridWorkerRecord | null }[];
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function trainingRecords(grids: readonly GridNode[], officers: readonly OfficerRecord[], workers: readonly GridWorkerRecord[], timeline: SeedTimeline): TrainingData {
  const byCode = new Map(grids.filter((g) => g.cityIndex === 0).map((g) => [g.code, g]));
  const anchorMs = Date.parse(`${timeline.anchor}T00:00:00Z`);
  const courses = COURSES.map((spec, i) => ({ id: i + 1, unit: byCode.get(spec.unitCode)!, spec, createdMs: anchorMs - 60 * DAY_MS - BEIJING_MS + 9 * 3_600_000 }));
  const sessions = SESSIONS.map((spec, i) => ({ id: i + 1, course: spec.course, unit: courses[spec.course - 1].unit, day: isoDay(anchorMs - spec.daysBefore * DAY_MS), spec }));
  const attendance: TrainingData['attendance'] = [];
  const attend = (session: number, people: { officer?: OfficerRecord; worker?: GridWorkerRecord }[]): void => {
    for (const p of people) attendance.push({ id: attendance.length + 1, session, unit: (p.officer ?? p.worker)!.employer, officer: p.officer ?? null, worker: p.worker ?? null });
  };
  const [city, feidong, yaohai, township] = courses.map((c) => c.unit);
  const inCity = (o: OfficerRecord) => o.employer.cityId === city.id && o.employer.level === 'COUNTY';
  // The city's course twice: the county officers split by id, the city's own at the second.
  attend(1, officers.filter((o) => inCity(o) && o.id % 2 === 1).map((officer) => ({ officer })));
  attend(2, officers.filter((o) => (inCity(o) && o.id % 2 === 0) || o.employer.id === city.id).map((officer) => ({ officer })));
  // 肥东县: every third of its township-employed grid workers (长临河镇 among them).
  attend(3, workers.filter((w) => w.employer.countyId === feidong.id && w.employer.level === 'TOWNSHIP' && w.id % 3 === 0).map((worker) => ({ worker })));
  // 瑶海区: its officers and every second grid worker.
  attend(4, [
    ...officers.filter((o) => o.employer.id === yaohai.id).map((officer) => ({ officer })),
    ...workers.filter((w) => w.employer.countyId === yaohai.id && w.id % 2 === 0).map((worker) => ({ worker })),
  ]);
  // 长临河镇: all the grid workers it employs.
  attend(5, workers.filter((w) => w.employer.id === township.id).map((worker) => ({ worker })));
  return { courses, sessions, attendance };
}

const EMPTY: TrainingData = { courses: [], sessions: [], attendance: [] };

export function trainingTables(data: TrainingData | null): TableData[] {
  const d = data ?? EMPTY;
  return [
    {
      table: 'training_course',
      columns: ['id', ...SCOPE_COLUMNS, 'version', 'created_at', 'updated_at', 'unit_id', 'level', 'title', 'topic', 'audience', 'active', 'created_by_id'],
      count: d.courses.length,
      *rows() {
        for (const c of d.courses) yield [c.id, ...scopeCells(c.unit), ...versionedCells(c.createdMs), c.unit.id, c.unit.level, c.spec.title, c.spec.topic, c.spec.audience, true, null];
      },
    },
    {
      table: 'training_session',
      columns: ['id', ...SCOPE_COLUMNS, 'version', 'created_at', 'updated_at', 'course_id', 'unit_id', 'held_on', 'place', 'hours', 'created_by_id'],
      count: d.sessions.length,
      *rows() {
        // Scheduled two weeks ahead, at 09:00 Beijing.
        for (const s of d.sessions) {
          const createdMs = Date.parse(`${s.day}T00:00:00Z`) - 14 * DAY_MS - BEIJING_MS + 9 * 3_600_000;
          yield [s.id, ...scopeCells(s.unit), ...versionedCells(createdMs), s.course, s.unit.id, s.day, s.spec.place, s.spec.hours, null];
        }
      },
    },
    {
      table: 'training_attendance',
      columns: ['id', ...SCOPE_COLUMNS, 'session_id', 'session_unit_id', 'attendee_unit_id', 'officer_id', 'grid_worker_id', 'recorded_at', 'recorded_by_id'],
      count: d.attendance.length,
      *rows() {
        const sessions = new Map(d.sessions.map((s) => [s.id, s]));
        for (const a of d.attendance) {
          const s = sessions.get(a.session)!;
          // Recorded at 18:00 Beijing on the day of the session.
          const recordedMs = Date.parse(`${s.day}T00:00:00Z`) - BEIJING_MS + 18 * 3_600_000;
          yield [a.id, ...scopeCells(a.unit), s.id, s.unit.id, a.unit.id, a.officer?.id ?? null, a.worker?.id ?? null, timestamp(recordedMs), null];
        }
      },
    },
  ];
}
