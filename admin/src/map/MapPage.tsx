import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { FieldMap } from '../field/FieldMap';
import { useFieldMode } from '../field/roles';

// Leaflet and its styles load with the office map only, never before sign-in.
const OfficeMap = lazy(() => import('./OfficeMap'));

/** The office map (Leaflet, no tiles: works offline); a field worker's phone keeps its own map. */
export const MapPage = () =>
  useFieldMode() ? (
    <FieldMap />
  ) : (
    <Suspense fallback={<Loading />}>
      <OfficeMap />
    </Suspense>
  );
