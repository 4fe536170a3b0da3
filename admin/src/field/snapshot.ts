import { gql } from '@apollo/client';
import { useEffect, useState } from 'react';
import { apolloClient } from '../apollo';
import type { Me } from '../auth/me';
import { restoreServerOffset, serverOffsetMs, shanghaiMonth } from '../common/clock';
import { OPEN_STATUSES } from '../resources/cases/openStatuses';
import { fieldDb } from './store';

export interface FieldGrid {
  id: string;
  name: string;
  code: string;
}

export interface FieldPlan {
  id: string;
  requiredCount: number;
  doneCount: number;
  expectedCount: number;
  grid: FieldGrid;
}

export interface FieldCase {
  id: string;
  number: string;
  status: string;
  dueAt: string | null;
  location: { lng: number; lat: number } | null;
  category: { code: string; name: string };
  grid: FieldGrid;
}

/** What the field screens need when the network is gone: kept on the phone, refreshed online. */
export interface FieldData {
  month: string;
  categories: { id: string; code: string; name: string }[];
  grids: FieldGrid[];
  plans: FieldPlan[];
  openCases: FieldCase[];
}

const GRID = 'id name code';
const FIELD_DATA = gql`
  query FieldData($month: String!, $gridWorkerId: ID, $plans: Boolean!, $unitId: ID!, $open: [CaseStatus!]) {
    caseCategories { id code name active }
    me { gridWorker { grids { ${GRID} } } }
    children: grids(first: 100, filter: { parentId: $unitId, active: true }) { nodes { ${GRID} } }
    patrolPlans(first: 50, filter: { month: $month, gridWorkerId: $gridWorkerId }) @include(if: $plans) {
      nodes { id requiredCount doneCount expectedCount grid { ${GRID} } }
    }
    cases(first: 100, filter: { withinId: $unitId, status: $open }, orderBy: REPORTED_DESC) {
      nodes { id number status dueAt location { lng lat } category { code name } grid { ${GRID} } }
    }
  }
`;

interface FieldDataAnswer {
  caseCategories: { id: string; code: string; name: string; active: boolean }[];
  me: { gridWorker: { grids: FieldGrid[] } | null } | null;
  children: { nodes: FieldGrid[] };
  patrolPlans?: { nodes: FieldPlan[] };
  cases: { nodes: FieldCase[] };
}

/** Asks the API for the field data and keeps it (one request). */
export async function refreshFieldData(me: Me): Promise<FieldData> {
  const gridWorkerId = me.gridWorker?.id ?? null;
  const month = shanghaiMonth();
  const { data } = await apolloClient.query<FieldDataAnswer>({
    query: FIELD_DATA,
    variables: { month, gridWorkerId, plans: gridWorkerId !== null, unitId: me.unit.id, open: OPEN_STATUSES },
  });
  const own = data.me?.gridWorker?.grids ?? [];
  const fieldData: FieldData = {
    month,
    categories: data.caseCategories.filter((c) => c.active).map(({ id, code, name }) => ({ id, code, name })),
    // A grid worker reports on their own grids; officers and township staff on their unit's.
    grids: own.length ? own : [{ id: me.unit.id, name: me.unit.name, code: me.unit.code }, ...data.children.nodes],
    plans: data.patrolPlans?.nodes ?? [],
    // Soonest deadline first; cases not yet given one (just reported) after them.
    openCases: [...data.cases.nodes].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999')),
  };
  await (await fieldDb()).put('snapshot', fieldData, `data:${me.account.id}`);
  return fieldData;
}

export async function cachedFieldData(accountId: string): Promise<FieldData | null> {
  return ((await (await fieldDb()).get('snapshot', `data:${accountId}`)) as FieldData | undefined) ?? null;
}

/** One request serves the screens opened within a minute of it; a send that reached the server makes it stale. */
const FRESH_MS = 60_000;
let recent: { accountId: string; at: number; answer: Promise<FieldData> } | null = null;

export function forgetFieldData(): void {
  recent = null;
}

function freshFieldData(me: Me): Promise<FieldData> {
  if (recent?.accountId !== me.account.id || performance.now() - recent.at > FRESH_MS) {
    const answer = refreshFieldData(me);
    recent = { accountId: me.account.id, at: performance.now(), answer };
    // A failed answer (offline) is not kept: the next screen asks again.
    answer.catch(() => recent?.answer === answer && forgetFieldData());
  }
  return recent!.answer;
}

/** The kept data at once, then the server's when it answers; `offline` when it could not. */
export function useFieldData(me: Me | null): { data: FieldData | null; offline: boolean; reload: () => void } {
  const [data, setData] = useState<FieldData | null>(null);
  const [offline, setOffline] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!me) return;
    let live = true;
    void cachedFieldData(me.account.id).then((kept) => live && kept && setData((d) => d ?? kept));
    freshFieldData(me).then(
      (fresh) => live && (setData(fresh), setOffline(false)),
      () => live && setOffline(true),
    );
    return () => {
      live = false;
    };
  }, [me, round]);
  return {
    data,
    offline,
    reload: () => {
      forgetFieldData();
      setRound((r) => r + 1);
    },
  };
}

/** How often this phone's user picked each category: the report form lists the most used first. */
const USE_KEY = 'gw.field.categoryUse';

export function categoryUse(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(USE_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

export function countCategoryUse(categoryId: string): void {
  const use = categoryUse();
  use[categoryId] = (use[categoryId] ?? 0) + 1;
  localStorage.setItem(USE_KEY, JSON.stringify(use));
}

/** The signed-in account, kept so that the app opens without a network (the session stays a cookie). */
const ME_KEY = 'gw.me';

export function keepMe(me: Me | null): void {
  if (me) localStorage.setItem(ME_KEY, JSON.stringify({ me, offsetMs: serverOffsetMs() }));
  else localStorage.removeItem(ME_KEY);
}

export function keptMe(): Me | null {
  try {
    const kept = JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as { me: Me; offsetMs: number } | null;
    if (!kept) return null;
    restoreServerOffset(kept.offsetMs);
    return kept.me;
  } catch {
    return null;
  }
}
