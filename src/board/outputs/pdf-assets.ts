import { loadAssets } from '#src/web/assets.ts';
import type { PdfFile } from './pdf.ts';

const loaded = new Map<string, Map<string, PdfFile>>();

/** The app's own /assets files, read once per font setting, for renderPdf to answer the document's requests with. */
export function pdfAssets(fontUrl: string | undefined): (path: string) => PdfFile | undefined {
  const key = fontUrl ?? '';
  let assets = loaded.get(key);
  if (!assets) {
    assets = loadAssets(fontUrl);
    loaded.set(key, assets);
  }
  const found = assets;
  return (path) => (path.startsWith('/assets/') ? found.get(path.slice('/assets/'.length)) : undefined);
}
