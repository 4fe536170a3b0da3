import { FileImport } from '../../common/FileImport';

/** 污染源导入: POST /import/sources, checked first, imported only when every row passed. */
export const SourceImportPage = () => <FileImport path="/import/sources" title="gw.menu.source_import" hint="gw.import.hint" testId="source-import" />;
