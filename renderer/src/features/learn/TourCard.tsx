import { useModel } from '../../state/model-store.js';
import { useScreen } from '../../state/navigation.js';
import { TOUR_STEPS } from './glossary.js';
import { endTour, goToStep, shouldOfferTour, startTour, useTour } from './tour-state.js';
import './learn.css';

/**
 * The tour card, shown by the screens the tour visits: the offer on first use of the Cruddur model, then one
 * card per step with Back / Next, and Skip. Non-modal: the screen behind it stays usable.
 */
export function TourCard() {
  const tour = useTour();
  const model = useModel();
  const screen = useScreen();
  if (shouldOfferTour(tour, model.name)) {
    return (
      <aside className="tour" aria-label="Tour offer">
        <h2>New to single-table design?</h2>
        <p>
          A five-step tour of the Cruddur model: its table and keys, key templates, the GSI, the items and the access
          patterns.
        </p>
        <div className="tour-footer">
          <button type="button" className="button primary" onClick={startTour}>
            Start the tour
          </button>
          <span className="spacer" />
          <button type="button" className="button ghost" onClick={endTour}>
            Not now
          </button>
        </div>
      </aside>
    );
  }
  if (!tour.active) return null;
  const step = TOUR_STEPS[tour.step]!;
  if (step.screen !== screen) return null;
  const last = tour.step === TOUR_STEPS.length - 1;
  return (
    <aside className="tour" aria-label="Tour" aria-live="polite">
      <p className="faint" style={{ margin: 0, fontSize: 11 }}>
        Step {tour.step + 1} of {TOUR_STEPS.length}
      </p>
      <h2>{step.title}</h2>
      <p>{step.text}</p>
      <div className="tour-footer">
        <button type="button" className="button ghost" onClick={endTour}>
          {last ? 'Close' : 'Skip tour'}
        </button>
        <span className="spacer" />
        <button type="button" className="button" disabled={tour.step === 0} onClick={() => goToStep(tour.step - 1)}>
          Back
        </button>
        {last ? (
          <button type="button" className="button primary" onClick={endTour}>
            Finish
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => goToStep(tour.step + 1)}>
            Next
          </button>
        )}
      </div>
    </aside>
  );
}
