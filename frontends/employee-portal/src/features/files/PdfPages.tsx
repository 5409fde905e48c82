import { Text, VisuallyHidden } from '@poortwachter/ui';
import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../messages';

let workerReady: Promise<void> | null = null;

/**
 * pdf.js parses in a Web Worker. The worker file is an asset of this remote, on another origin than
 * the shell page, and browsers refuse cross-origin worker scripts: so it is fetched (the remote is
 * served with CORS) and started from a same-origin blob URL.
 */
function startWorker(): Promise<void> {
  workerReady ??= (async () => {
    const url = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`pdf.js worker: HTTP ${response.status}`);
    const blobUrl = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    GlobalWorkerOptions.workerPort = new Worker(blobUrl, { type: 'module' });
  })().catch((error: unknown) => {
    workerReady = null;
    throw error;
  });
  return workerReady;
}

interface RenderedPage {
  number: number;
  text: string;
}

/**
 * A PDF drawn page by page on canvases with pdf.js, so it shows on every phone (mobile browsers do
 * not display PDFs inline). Each page's text is there for screen readers too.
 */
export default function PdfPages({
  blob,
  title,
  maxHeight = '75vh',
}: {
  blob: Blob;
  title: string;
  maxHeight?: string;
}) {
  const { t } = useMessages();
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<RenderedPage[]>([]);
  const [status, setStatus] = useState<'loading' | 'done' | 'error'>('loading');
  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    const element = host.current;
    if (!element) return;
    void (async () => {
      try {
        await startWorker();
        task = getDocument({ data: new Uint8Array(await blob.arrayBuffer()), enableXfa: false });
        const pdf = await task.promise;
        const width = Math.max(element.clientWidth, 240);
        const ratio = Math.min(window.devicePixelRatio || 1, 2);
        const rendered: RenderedPage[] = [];
        element.replaceChildren();
        for (let number = 1; number <= pdf.numPages && !cancelled; number += 1) {
          const page = await pdf.getPage(number);
          const scale = Math.min(2, width / page.getViewport({ scale: 1 }).width);
          const viewport = page.getViewport({ scale: scale * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
          canvas.style.maxWidth = '100%';
          canvas.style.display = 'block';
          canvas.style.margin = '0 auto 8px';
          canvas.style.boxShadow = '0 1px 3px rgba(0,0,0,0.25)';
          canvas.style.background = '#fff';
          canvas.setAttribute('aria-hidden', 'true');
          canvas.dataset.page = String(number);
          element.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
          const content = await page.getTextContent();
          rendered.push({
            number,
            text: content.items.map((item) => ('str' in item ? item.str : '')).join(' '),
          });
        }
        if (!cancelled) {
          setPages(rendered);
          setStatus('done');
        }
      } catch {
        if (!cancelled) setStatus('error');
      }
    })();
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [blob]);

  return (
    <div data-testid="pdf-pages" data-state={status}>
      <div
        ref={host}
        style={{
          maxHeight,
          overflow: 'auto',
          background: 'var(--mantine-color-gray-1)',
          padding: 8,
          borderRadius: 4,
        }}
        role="document"
        aria-label={t('preview.pdfTitle', { title })}
        tabIndex={0}
      />
      {status === 'error' ? (
        <Text size="sm" c="red.8" role="alert">
          {t('preview.pdfFailed')}
        </Text>
      ) : null}
      <VisuallyHidden>
        {pages.map((page) => (
          <p key={page.number}>
            {t('preview.page', { number: page.number })}: {page.text}
          </p>
        ))}
      </VisuallyHidden>
    </div>
  );
}
