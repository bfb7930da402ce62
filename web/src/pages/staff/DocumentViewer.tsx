/**
 * The applicant's documents, one at a time: phone photos can be zoomed and turned upright, PDFs
 * are shown by the browser's own viewer. Every opening is recorded by the server (file.viewed).
 * A scan purged after its retention period is named with its date, in words, not shown.
 */
import { useEffect, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import type { Localized, PhotoFindings, StoredFile } from './consoleApi.js';
import { localized, longDate } from './format.js';

export type ViewerState = { index: number; zoom: number; rotation: number };
export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4];
export const INITIAL_VIEW: ViewerState = { index: 0, zoom: 1, rotation: 0 };

/** Steps of the zoom ladder and quarter turns, as the buttons and the keyboard shortcuts use them. */
export const viewerSteps = {
  zoomIn: (v: ViewerState): ViewerState => ({ ...v, zoom: ZOOMS.find((z) => z > v.zoom) ?? v.zoom }),
  zoomOut: (v: ViewerState): ViewerState => ({ ...v, zoom: [...ZOOMS].reverse().find((z) => z < v.zoom) ?? v.zoom }),
  rotate: (v: ViewerState): ViewerState => ({ ...v, rotation: (v.rotation + 90) % 360 }),
  reset: (v: ViewerState): ViewerState => ({ ...v, zoom: 1, rotation: 0 }),
  show: (v: ViewerState, index: number): ViewerState => ({ index, zoom: 1, rotation: 0 }),
};

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function DocumentViewer({
  files,
  labels,
  view,
  onView,
  timeZone,
}: {
  files: (StoredFile & { documentType: string; keptDaysAfterClosing: number; photo?: PhotoFindings | null })[];
  labels: Record<string, Localized>;
  view: ViewerState;
  onView: (next: ViewerState) => void;
  timeZone: string;
}) {
  const t = useT().console.viewer;
  const { lang } = useLanguage();
  const file = files[Math.min(view.index, files.length - 1)];
  if (!file) return null;
  const label = (f: { documentType: string }) => localized(labels[f.documentType], lang, f.documentType);
  const isPdf = file.mime === 'application/pdf';
  const date = (iso: string) => longDate(iso, timeZone, lang);
  const purged = file.purgedAt;
  return (
    <div className="viewer">
      <div className="viewer-tabs" role="group" aria-label={t.documentList}>
        {files.map((f, i) => (
          <button
            key={f.id}
            type="button"
            className="button button-secondary button-small"
            aria-pressed={i === view.index}
            onClick={() => onView(viewerSteps.show(view, i))}
          >
            {label(f)}{' '}
            <span className="hint-inline">({f.purgedAt ? t.purgedTab(date(f.purgedAt)) : `${f.mime === 'application/pdf' ? 'PDF' : t.photo}, ${sizeText(f.size)}`})</span>
          </button>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {t.position(view.index + 1, files.length, label(file))}
        {!isPdf && !purged && ` — ${t.zoom(Math.round(view.zoom * 100))}${view.rotation ? `, ${t.rotation(view.rotation)}` : ''}`}
      </p>
      {purged ? (
        <p className="viewer-purged">{t.purged(label(file), date(purged))}</p>
      ) : (
        <ViewerBody file={file} label={label(file)} view={view} onView={onView} />
      )}
      {!purged && file.photo && <PhotoCheck photo={file.photo} />}
      {!purged && <p className="hint">{file.purgeAfter ? t.purgeScheduled(date(file.purgeAfter)) : t.keptWhileOpen(file.keptDaysAfterClosing)}</p>}
    </div>
  );
}

/** What the photo check found, beside the document: the problems in words and the numbers read against the typed ones. */
function PhotoCheck({ photo }: { photo: PhotoFindings }) {
  const t = useT().console.viewer;
  return (
    <section className="photo-check" aria-label={t.photoCheck}>
      <h3>{t.photoCheck}</h3>
      {photo.problems.length === 0 ? (
        <p>{t.photoOk}</p>
      ) : (
        <ul>
          {/* The last hint tells the citizen the photo may still be sent: not for the officer. */}
          {photo.hints.slice(0, photo.problems.length).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
      {/* Nothing to compare once read (another document, a pass photo, or a viewer without the NIK): say nothing. */}
      {(photo.numbers.length > 0 || photo.ocr !== 'read') && <h4>{t.numbersHeading}</h4>}
      {photo.numbers.length > 0 ? (
        <ul>
          {photo.numbers.map((n) => (
            <li key={n.field} className={n.comparison.match ? 'number-match' : 'number-differs'}>
              <span aria-hidden="true">{n.comparison.match ? '✓ ' : '⚠ '}</span>
              {n.text}
            </li>
          ))}
        </ul>
      ) : photo.ocr === 'read' ? null : (
        <p>{photo.ocr === 'skipped' ? t.ocrSkipped : t.ocrNotRead}</p>
      )}
      <p className="hint">{t.photoNote}</p>
    </section>
  );
}

function ViewerBody({ file, label, view, onView }: { file: StoredFile; label: string; view: ViewerState; onView: (next: ViewerState) => void }) {
  const t = useT().console.viewer;
  const src = `/api/v1/files/${file.id}/content`;
  const isPdf = file.mime === 'application/pdf';
  return (
    <>
      {!isPdf && (
        <div className="viewer-tools" role="group" aria-label={t.tools}>
          <button type="button" className="button button-secondary button-small" onClick={() => onView(viewerSteps.zoomOut(view))} aria-keyshortcuts="-">
            − {t.zoomOut}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onView(viewerSteps.zoomIn(view))} aria-keyshortcuts="+">
            + {t.zoomIn}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onView(viewerSteps.rotate(view))} aria-keyshortcuts="R">
            ↻ {t.rotate}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onView(viewerSteps.reset(view))} aria-keyshortcuts="0">
            {t.reset}
          </button>
        </div>
      )}
      {isPdf ? (
        <iframe key={file.id} className="viewer-pdf" src={src} title={t.pdfTitle(label)} />
      ) : (
        <ImageStage key={file.id} src={src} alt={t.imageAlt(label)} file={file} zoom={view.zoom} rotation={view.rotation} />
      )}
      <p>
        <a href={src} target="_blank" rel="noopener">
          {t.openNew(label)}
        </a>
      </p>
    </>
  );
}

/**
 * The photo at `zoom` × "fit to the frame's width", turned by `rotation`. The stage takes the
 * turned picture's size, so the frame scrolls over all of it when zoomed in.
 */
function ImageStage({ src, alt, file, zoom, rotation }: { src: string; alt: string; file: StoredFile; zoom: number; rotation: number }) {
  const frame = useRef<HTMLDivElement>(null);
  const [frameWidth, setFrameWidth] = useState(600);
  const [natural, setNatural] = useState({ width: file.width ?? 1200, height: file.height ?? 900 });

  useEffect(() => {
    const measure = () => frame.current && setFrameWidth(frame.current.clientWidth);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const sideways = rotation % 180 !== 0;
  const fit = Math.min(1, frameWidth / (sideways ? natural.height : natural.width));
  const width = natural.width * fit * zoom;
  const height = natural.height * fit * zoom;
  const stage = sideways ? { width: height, height: width } : { width, height };
  return (
    // The frame scrolls when the photo is larger than it; keyboard users scroll it with the arrows.
    <div ref={frame} className="viewer-frame" tabIndex={0} role="region" aria-label={alt}>
      <div className="viewer-stage" style={{ width: stage.width, height: stage.height }}>
        <img
          src={src}
          alt={alt}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          style={{ width, height, transform: `translate(-50%, -50%) rotate(${rotation}deg)` }}
        />
      </div>
    </div>
  );
}
