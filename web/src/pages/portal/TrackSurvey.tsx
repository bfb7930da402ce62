/** The tracking page's survey section: once the document is handed over, the IKM survey, once. */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { SurveyForm } from './SurveyForm.js';
import { answerTrackedSurvey, trackedSurvey } from './surveyApi.js';

export function TrackSurvey({ token }: { token: string }) {
  const t = useT().survey;
  const [status, setStatus] = useState<{ open: boolean; answered: boolean }>();
  const [answering, setAnswering] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    // The survey is an invitation: when its state cannot be read, the section simply stays away.
    trackedSurvey(token, abort.signal).then(setStatus, () => undefined);
    return () => abort.abort();
  }, [token]);
  if (!status || (!status.open && !status.answered)) return null;
  return (
    <section aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t.track.heading}</h2>
      {status.answered ? (
        <p>{t.track.answered}</p>
      ) : answering ? (
        <SurveyForm idPrefix="survei" onSubmit={(answer) => answerTrackedSurvey(token, answer)} />
      ) : (
        <>
          <p>{t.track.invite}</p>
          <button type="button" className="button" onClick={() => setAnswering(true)}>
            {t.track.open}
          </button>
        </>
      )}
    </section>
  );
}
