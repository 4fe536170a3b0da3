import { FileImport } from '../../common/FileImport';
import { BoundaryImport } from './BoundaryImport';

/**
 * 网格划分导入: a county's (or the city's) division table through POST /import/grids; the
 * dry run (试运行) lists every problem of the file at once, by its reason; 应用 writes it.
 * Below it, the boundaries of those grids as GeoJSON (边界导入).
 */
export const GridImportPage = () => (
  <>
  <FileImport
    path="/import/grids"
    title="gw.menu.grid_import"
    hint="gw.grid_import.hint"
    testId="grid-import"
    dryRunLabel="gw.grid_import.dry_run"
    runLabel="gw.grid_import.run"
    errorLabel={(e) => `gw.grid_import.reasons.${e.reason ?? ''}`}
    explanation={(e) => `gw.grid_import.explain.${e.reason ?? ''}`}
  />
  <BoundaryImport />
  </>
);
