/**
 * /survei/:officeCode — the counter's QR code: a walk-in answers the IKM survey on their own
 * phone, with no request and no name (public, rate-limited on the server).
 */
import { useEffect, useState } from 'react';
import { focusHeading, Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { useOffice } from './shared.js';
import { SurveyForm } from './SurveyForm.js';
import { answerWalkInSurvey } from './surveyApi.js';
import './portal.css';

export function SurveyQrPage({ officeCode }: { officeCode: string }) {
  const t = useT().survey;
  const office = useOffice(officeCode);
  const [round, setRound] = useState(0);
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (document.activeElement === document.body) focusHeading();
  }, []);
  return (
    <>
      <PageHeading title={t.qr.title} />
      {office.status === 'loading' && <Loading />}
      {office.status === 'failed' && <p className="alert alert-error">{t.qr.unknownOffice}</p>}
      {office.status === 'ready' && (
        <>
          <p>{t.qr.lead(office.value.name)}</p>
          <SurveyForm
            key={round}
            idPrefix="survei"
            onSubmit={async (answer) => {
              await answerWalkInSurvey(officeCode, answer);
              setAnswered(true);
            }}
          />
          {answered && (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setAnswered(false);
                  setRound((n) => n + 1);
                }}
              >
                {t.qr.again}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
